using System;
using System.Linq;
using System.Reflection;

namespace Fluxion.Numerics.Tests.Harness
{
    /// <summary>
    /// A method's generated <c>F_Hessian</c> and <c>F_Hvp</c>, found by their documented signatures (F's parameters, then
    /// <c>Span&lt;double&gt; gradient, Span&lt;double&gt; hessian</c>, or <c>ReadOnlySpan&lt;double&gt; v, Span&lt;double&gt; gradient,
    /// Span&lt;double&gt; hv</c>) and called through compiled invokers. Inputs are one flat vector of the differentiable inputs.
    /// </summary>
    public sealed class SecondOrder
    {
        private const BindingFlags Statics = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly;

        private readonly Func<object?[], double>? hessian;
        private readonly Func<object?[], double>? hvp;

        public SecondOrder(MethodInfo original)
        {
            Type[] parameters = original.GetParameters().Select(p => p.ParameterType).ToArray();
            Type type = original.DeclaringType!;
            HessianMethod = type.GetMethod(original.Name + "_Hessian", Statics, [.. parameters, typeof(Span<double>), typeof(Span<double>)]);
            HvpMethod = type.GetMethod(original.Name + "_Hvp", Statics, [.. parameters, typeof(ReadOnlySpan<double>), typeof(Span<double>), typeof(Span<double>)]);
            hessian = HessianMethod is null ? null : ArrayCase.Compile(HessianMethod);
            hvp = HvpMethod is null ? null : ArrayCase.Compile(HvpMethod);
            Requested = original.GetCustomAttribute<DifferentiableAttribute>()!.Derivatives;
        }

        public Derivatives Requested { get; }

        public MethodInfo? HessianMethod { get; }

        public MethodInfo? HvpMethod { get; }

        /// <summary>Calls <c>F_Hessian</c>; returns the value.</summary>
        public double Hessian(object[] arguments, double[] gradient, double[] matrix) =>
            (hessian ?? throw new InvalidOperationException("no _Hessian with the documented signature"))([.. arguments, gradient, matrix]);

        /// <summary>Calls <c>F_Hvp</c>; returns the value.</summary>
        public double Hvp(object[] arguments, double[] v, double[] gradient, double[] product) =>
            (hvp ?? throw new InvalidOperationException("no _Hvp with the documented signature"))([.. arguments, v, gradient, product]);
    }
}
