using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace Fluxion.Numerics.Tests.Harness
{
    /// <summary>
    /// One [Differentiable] method under test: the method, the generated <c>_Grad</c> next to it,
    /// where to sample it, and (where one exists) its exact derivative written by hand.
    /// </summary>
    /// <remarks>
    /// A point is a <c>double[]</c> with one entry per parameter of the method; int and long
    /// parameters get integer values and bool parameters 0 or 1. The methods are called through
    /// reflection so that one harness serves every signature; the call itself is the ordinary
    /// compiled method.
    /// </remarks>
    public sealed class GradientCase
    {
        private readonly ParameterInfo[] _parameters;

        private const BindingFlags Statics = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly;

        /// <param name="type">The type declaring the method.</param>
        /// <param name="methodName">The method's name.</param>
        /// <param name="signature">The parameter types, to pick one of several overloads; null when there is one.</param>
        /// <param name="domain">Where to sample, one coordinate per parameter.</param>
        /// <param name="exact">The hand-derived derivative for each active parameter, or null.</param>
        /// <param name="exactTolerance">Relative tolerance of the exact comparison.</param>
        public GradientCase(Type type, string methodName, Type[]? signature, Domain domain, Func<double[], double[]>? exact, double exactTolerance)
        {
            Original = (signature is null ? type.GetMethod(methodName, Statics) : type.GetMethod(methodName, Statics, signature))
                ?? throw new ArgumentException($"{type} has no static method {methodName}.");
            Attribute = Original.GetCustomAttribute<DifferentiableAttribute>()
                ?? throw new ArgumentException($"{methodName} is not marked [Differentiable].");
            Name = NameOf(Original);
            _parameters = Original.GetParameters();
            if (domain.Dimension != _parameters.Length)
            {
                throw new ArgumentException($"{Name}: the domain has {domain.Dimension} coordinates for {_parameters.Length} parameters.");
            }

            Domain = domain;
            Exact = exact;
            ExactTolerance = exactTolerance;
            string[] listed = Attribute.Parameters;
            Active = Enumerable.Range(0, _parameters.Length)
                .Where(i => _parameters[i].ParameterType == typeof(double) && (listed.Length == 0 || listed.Contains(_parameters[i].Name)))
                .ToArray();
            Type[] gradSignature = _parameters.Select(q => q.ParameterType)
                .Concat(Active.Select(_ => typeof(double).MakeByRefType()))
                .ToArray();
            Gradient = type.GetMethod(methodName + "_Grad", Statics, gradSignature)
                ?? type.GetMethods(Statics).SingleOrDefault(m => m.Name == methodName + "_Grad" && signature is null);
            Type[] jvpSignature = _parameters.Select(q => q.ParameterType)
                .Concat(Active.Select(_ => typeof(double)))
                .Append(typeof(double).MakeByRefType())
                .ToArray();
            Jvp = type.GetMethod(methodName + "_Jvp", Statics, jvpSignature);
        }

        /// <summary>The generated forward-mode method with the documented signature, or null when there is none.</summary>
        public MethodInfo? Jvp { get; }

        /// <summary>Calls <c>_Jvp</c> with one direction entry per active parameter; returns the value and the directional derivative.</summary>
        public (double Value, double Derivative) ValueAndDirectionalDerivative(double[] p, double[] direction)
        {
            MethodInfo jvp = Jvp ?? throw new InvalidOperationException($"Fluxion generated no {Name}_Jvp with the documented signature.");
            object?[] args = Arguments(p, Active.Length + 1);
            for (int k = 0; k < Active.Length; k++)
            {
                args[_parameters.Length + k] = direction[k];
            }

            double value = (double)Call(jvp, args)!;
            return (value, (double)args[_parameters.Length + Active.Length]!);
        }

        /// <summary>"Type.Method", nested types joined with dots.</summary>
        public string Name { get; }

        public MethodInfo Original { get; }

        /// <summary>The generated method, or null when the generator emitted none.</summary>
        public MethodInfo? Gradient { get; }

        public DifferentiableAttribute Attribute { get; }

        public Domain Domain { get; }

        /// <summary>Indices of the parameters that get a gradient output, in parameter order.</summary>
        public int[] Active { get; }

        /// <summary>The derivative with respect to each active parameter, derived by hand; null when none is written.</summary>
        public Func<double[], double[]>? Exact { get; }

        /// <summary>Tolerance of the comparison with <see cref="Exact"/>, relative to max(1, |exact|).</summary>
        public double ExactTolerance { get; }

        public IReadOnlyList<ParameterInfo> Parameters => _parameters;

        public static string DisplayName(Type type)
        {
            string name = type.Name.Split('`')[0];
            return type.DeclaringType is null ? name : DisplayName(type.DeclaringType) + "." + name;
        }

        /// <summary>The catalog's name of a method: "Type.Method", with the parameter types when the name is overloaded.</summary>
        public static string NameOf(MethodInfo method)
        {
            Type type = method.DeclaringType!;
            string name = DisplayName(type) + "." + method.Name;
            bool overloaded = type.GetMethods(Statics).Count(m => m.Name == method.Name) > 1;
            return overloaded ? name + "(" + string.Join(", ", method.GetParameters().Select(q => q.ParameterType.Name)) + ")" : name;
        }

        /// <summary>The points every check of this case uses: seeded by the case's name.</summary>
        public IEnumerable<double[]> Points(int count)
        {
            var rng = new SplitMix64(SplitMix64.SeedFor(Name));
            for (int i = 0; i < count; i++)
            {
                yield return Domain.Draw(rng);
            }
        }

        public double Value(double[] p) => (double)Call(Original, Arguments(p, 0))!;

        /// <summary>Calls the generated method; writes the gradient into <paramref name="gradient"/> and returns the value.</summary>
        public double ValueAndGradient(double[] p, double[] gradient)
        {
            MethodInfo grad = Gradient ?? throw new InvalidOperationException($"Fluxion generated no {Name}_Grad.");
            object?[] args = Arguments(p, Active.Length);
            double value = (double)Call(grad, args)!;
            for (int k = 0; k < Active.Length; k++)
            {
                gradient[k] = (double)args[_parameters.Length + k]!;
            }

            return value;
        }

        public string Describe(double[] p) =>
            Name + "(" + string.Join(", ", _parameters.Select((q, i) => q.Name + " = " + Format(p[i], q.ParameterType))) + ")";

        public string ActiveName(int k) => _parameters[Active[k]].Name!;

        private static string Format(double v, Type t) =>
            t == typeof(bool) ? (v != 0).ToString() : t == typeof(double) ? v.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : ((long)v).ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>The point as the method's arguments: doubles, and the int, long and bool values it encodes.</summary>
        public object[] Boxed(double[] p) => Arguments(p, 0)!;

        private object?[] Arguments(double[] p, int outputs)
        {
            var args = new object?[_parameters.Length + outputs];
            for (int i = 0; i < _parameters.Length; i++)
            {
                Type t = _parameters[i].ParameterType;
                args[i] = t == typeof(double) ? p[i]
                    : t == typeof(int) ? checked((int)p[i])
                    : t == typeof(long) ? checked((long)p[i])
                    : t == typeof(bool) ? p[i] != 0
                    : throw new NotSupportedException(t.ToString());
            }

            for (int k = 0; k < outputs; k++)
            {
                args[_parameters.Length + k] = 0.0;
            }

            return args;
        }

        private static object? Call(MethodInfo method, object?[] args)
        {
            try
            {
                return method.Invoke(null, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
        }
    }

    /// <summary>The cases of one theme, all (by default) on methods of one type.</summary>
    public sealed class CaseList : List<GradientCase>
    {
        private readonly Type _type;

        public CaseList(Type type) => _type = type;

        /// <summary>Adds a case for <paramref name="method"/> of the list's type.</summary>
        /// <param name="method">The method's name (use nameof).</param>
        /// <param name="domain">Where to sample, one coordinate per parameter.</param>
        /// <param name="exact">The hand-derived derivative for each active parameter, or null.</param>
        /// <param name="tolerance">Relative tolerance of the exact comparison; see GradientChecks.</param>
        public void Add(string method, Domain domain, Func<double[], double[]>? exact = null, double tolerance = GradientChecks.ExactTolerance) =>
            Add(new GradientCase(_type, method, null, domain, exact, tolerance));

        /// <summary>Adds a case for a method of another type.</summary>
        public void Add(Type type, string method, Domain domain, Func<double[], double[]>? exact = null, double tolerance = GradientChecks.ExactTolerance) =>
            Add(new GradientCase(type, method, null, domain, exact, tolerance));

        /// <summary>Adds a case for one overload of a method of the list's type.</summary>
        public void Add(string method, Type[] signature, Domain domain, Func<double[], double[]>? exact = null, double tolerance = GradientChecks.ExactTolerance) =>
            Add(new GradientCase(_type, method, signature, domain, exact, tolerance));
    }
}
