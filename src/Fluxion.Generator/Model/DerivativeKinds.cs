using System.Collections.Generic;

namespace Fluxion.Generator.Model
{
    /// <summary>The generator's copy of <c>Fluxion.Derivatives</c> (the generator cannot reference the runtime assembly).</summary>
    [System.Flags]
    internal enum DerivativeKinds
    {
        None = 0,
        Gradient = 1,
        Jvp = 2,
        Hessian = 4,
        Hvp = 8,
        Jacobian = 16,
        Vjp = 32,
    }

    internal static class DerivativeKindsExtensions
    {
        /// <summary>The kinds this version generates.</summary>
        public const DerivativeKinds Generated = DerivativeKinds.Gradient | DerivativeKinds.Jvp;

        /// <summary>Each kind set in <paramref name="kinds"/>, lowest first.</summary>
        public static IEnumerable<DerivativeKinds> Each(this DerivativeKinds kinds)
        {
            for (int bit = 1; bit <= (int)DerivativeKinds.Vjp; bit <<= 1)
            {
                if (((int)kinds & bit) != 0)
                {
                    yield return (DerivativeKinds)bit;
                }
            }
        }

        /// <summary>The suffix of the generated method: <c>F_Grad</c>, <c>F_Jvp</c>, …</summary>
        public static string Suffix(this DerivativeKinds kind) => kind == DerivativeKinds.Gradient ? "_Grad" : "_" + kind;
    }
}
