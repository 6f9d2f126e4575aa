using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace Fluxion.Numerics.Tests.Harness
{
    /// <summary>
    /// A span argument over part of a buffer, so that a test can make an input and a gradient output
    /// overlap, or sit side by side in one buffer.
    /// </summary>
    public sealed record SpanSlot(double[] Buffer, int Start, int Length)
    {
        public Span<double> Span => Buffer.AsSpan(Start, Length);
    }

    /// <summary>
    /// Turns the entries of an argument list into the parameter types of a method. The invokers
    /// <see cref="ArrayCase"/> builds load each entry and call one of these, then call the method itself,
    /// so a method with span parameters (which reflection's Invoke cannot pass) is called directly.
    /// </summary>
    public static class Slots
    {
        public static double AsDouble(object o) => (double)o;

        public static int AsInt(object o) => (int)o;

        public static long AsLong(object o) => (long)o;

        public static bool AsBool(object o) => (bool)o;

        public static double[] AsDoubleArray(object o) => (double[])o;

        public static int[] AsIntArray(object o) => (int[])o;

        public static ReadOnlySpan<double> AsReadOnlySpan(object o) => AsSpan(o);

        public static Span<double> AsSpan(object o) => o is SpanSlot slot ? slot.Span : ((double[])o).AsSpan();

        public static ReadOnlySpan<int> AsReadOnlyIntSpan(object o) => (int[])o;

        /// <summary>An out double argument: the field of a box the caller reads afterwards.</summary>
        public static ref double AsOut(object o) => ref ((StrongBox<double>)o).Value;

        /// <summary>The converter for one parameter type.</summary>
        public static MethodInfo For(Type type)
        {
            string name =
                type == typeof(double) ? nameof(AsDouble)
                : type == typeof(int) ? nameof(AsInt)
                : type == typeof(long) ? nameof(AsLong)
                : type == typeof(bool) ? nameof(AsBool)
                : type == typeof(double[]) ? nameof(AsDoubleArray)
                : type == typeof(int[]) ? nameof(AsIntArray)
                : type == typeof(ReadOnlySpan<double>) ? nameof(AsReadOnlySpan)
                : type == typeof(Span<double>) ? nameof(AsSpan)
                : type == typeof(ReadOnlySpan<int>) ? nameof(AsReadOnlyIntSpan)
                : type == typeof(double).MakeByRefType() ? nameof(AsOut)
                : throw new NotSupportedException($"No argument converter for {type}.");
            return typeof(Slots).GetMethod(name)!;
        }
    }

    /// <summary>
    /// One [Differentiable] method with array or span parameters: the method, the generated
    /// <c>_Grad</c>, how to draw its arguments (array lengths included) and, where one is written,
    /// its exact gradient.
    /// </summary>
    /// <remarks>
    /// A point is an <c>object[]</c>, one entry per parameter: a boxed double, int, long or bool, a
    /// <c>double[]</c> (for double[], ReadOnlySpan&lt;double&gt; and Span&lt;double&gt; parameters) or an
    /// <c>int[]</c>. A gradient is a <c>double[][]</c>, one entry per differentiated parameter (length 1
    /// for a double). Both methods are called through invokers compiled once per case: each loads the
    /// argument list entry by entry, turns it into the parameter's type (a span over the array, the
    /// address of an out double) and calls the method.
    /// </remarks>
    public sealed class ArrayCase
    {
        private const BindingFlags Statics = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly;

        private readonly ParameterInfo[] _parameters;
        private readonly Func<SplitMix64, object[]> _draw;
        private readonly Func<object?[], double> _original;
        private readonly Func<object?[], double>? _gradient;
        private readonly Func<object?[], double>? _jvp;

        public ArrayCase(Type type, string methodName, Func<SplitMix64, object[]> draw, Func<ArrayPoint, object[]>? exact, double exactTolerance)
        {
            Original = type.GetMethod(methodName, Statics) ?? throw new ArgumentException($"{type} has no static method {methodName}.");
            Attribute = Original.GetCustomAttribute<DifferentiableAttribute>()
                ?? throw new ArgumentException($"{methodName} is not marked [Differentiable].");
            Name = GradientCase.NameOf(Original);
            _parameters = Original.GetParameters();
            _draw = draw;
            Exact = exact;
            ExactTolerance = exactTolerance;
            string[] listed = Attribute.Parameters;
            Active = Enumerable.Range(0, _parameters.Length)
                .Where(i => IsDifferentiableType(_parameters[i].ParameterType) && (listed.Length == 0 || listed.Contains(_parameters[i].Name)))
                .ToArray();
            Type[] gradSignature = _parameters.Select(q => q.ParameterType)
                .Concat(Active.Select(i => IsSequence(i) ? typeof(Span<double>) : typeof(double).MakeByRefType()))
                .ToArray();
            Gradient = type.GetMethod(methodName + "_Grad", Statics, gradSignature);
            Type[] jvpSignature = _parameters.Select(q => q.ParameterType)
                .Concat(Active.Select(i => IsSequence(i) ? typeof(ReadOnlySpan<double>) : typeof(double)))
                .Append(typeof(double).MakeByRefType())
                .ToArray();
            Jvp = type.GetMethod(methodName + "_Jvp", Statics, jvpSignature);
            _original = Compile(Original);
            _gradient = Gradient is null ? null : Compile(Gradient);
            _jvp = Jvp is null ? null : Compile(Jvp);
        }

        /// <summary>The generated forward-mode method with the documented signature, or null when there is none.</summary>
        public MethodInfo? Jvp { get; }

        /// <summary>
        /// Calls <c>_Jvp</c> with <paramref name="direction"/> laid out like a gradient (one array per differentiated
        /// parameter, length 1 for a double); returns the value and the directional derivative.
        /// </summary>
        public (double Value, double Derivative) ValueAndDirectionalDerivative(object[] p, double[][] direction)
        {
            Func<object?[], double> jvp = _jvp ?? throw new InvalidOperationException($"Fluxion generated no {Name}_Jvp with the documented signature.");
            object[] directions = Enumerable.Range(0, Active.Length).Select(k => IsSequence(Active[k]) ? (object)direction[k] : direction[k][0]).ToArray();
            var derivative = new StrongBox<double>();
            double value = jvp([.. p, .. directions, derivative]);
            return (value, derivative.Value);
        }

        /// <summary>"Type.Method", as in the scalar catalog.</summary>
        public string Name { get; }

        public MethodInfo Original { get; }

        /// <summary>The generated method with the documented signature, or null when there is none.</summary>
        public MethodInfo? Gradient { get; }

        public DifferentiableAttribute Attribute { get; }

        /// <summary>Indices of the parameters that get a gradient output, in parameter order.</summary>
        public int[] Active { get; }

        public Func<ArrayPoint, object[]>? Exact { get; }

        public double ExactTolerance { get; }

        public IReadOnlyList<ParameterInfo> Parameters => _parameters;

        /// <summary>Whether differentiated parameter <paramref name="i"/> is an array or a span (its gradient is a span).</summary>
        public bool IsSequence(int i) => _parameters[i].ParameterType != typeof(double);

        public string ActiveName(int k) => _parameters[Active[k]].Name!;

        public static bool IsDifferentiableType(Type t) =>
            t == typeof(double) || t == typeof(double[]) || t == typeof(ReadOnlySpan<double>) || t == typeof(Span<double>);

        /// <summary>The points every check uses, seeded by the case's name.</summary>
        public IEnumerable<object[]> Points(int count)
        {
            var rng = new SplitMix64(SplitMix64.SeedFor(Name));
            for (int i = 0; i < count; i++)
            {
                object[] p = _draw(rng);
                if (p.Length != _parameters.Length)
                {
                    throw new InvalidOperationException($"{Name}: the draw gives {p.Length} arguments for {_parameters.Length} parameters.");
                }

                yield return p;
            }
        }

        public double Value(object[] p) => _original(p);

        /// <summary>The length of differentiated parameter k's gradient at p (1 for a double).</summary>
        public int OutputLength(object[] p, int k) => IsSequence(Active[k]) ? ((double[])p[Active[k]]).Length : 1;

        /// <summary>Zeroed gradient storage for p, one array per differentiated parameter.</summary>
        public double[][] NewGradient(object[] p) => Enumerable.Range(0, Active.Length).Select(k => new double[OutputLength(p, k)]).ToArray();

        /// <summary>Calls the generated method with the gradient written into <paramref name="gradient"/>; returns the value.</summary>
        public double ValueAndGradient(object[] p, double[][] gradient)
        {
            var outputs = new object[Active.Length];
            for (int k = 0; k < Active.Length; k++)
            {
                outputs[k] = IsSequence(Active[k]) ? gradient[k] : new StrongBox<double>(gradient[k][0]);
            }

            double value = CallGradient(p, outputs);
            for (int k = 0; k < Active.Length; k++)
            {
                if (outputs[k] is StrongBox<double> box)
                {
                    gradient[k][0] = box.Value;
                }
            }

            return value;
        }

        /// <summary>
        /// Calls the generated method with raw arguments: <paramref name="inputs"/> one per parameter
        /// (a <see cref="SpanSlot"/> is allowed for a span parameter), <paramref name="outputs"/> one per
        /// differentiated parameter (a double[] or <see cref="SpanSlot"/> for a span, a
        /// <see cref="StrongBox{T}"/> of double for an out double).
        /// </summary>
        public double CallGradient(object[] inputs, object[] outputs)
        {
            Func<object?[], double> gradient = _gradient ?? throw new InvalidOperationException($"Fluxion generated no {Name}_Grad with the documented signature.");
            return gradient([.. inputs, .. outputs]);
        }

        /// <summary>A deep copy of a point (arrays copied), to perturb one entry.</summary>
        public static object[] Clone(object[] p) => p.Select(v => v switch
        {
            double[] a => a.Clone(),
            int[] a => a.Clone(),
            _ => v,
        }).ToArray();

        public string Describe(object[] p) =>
            Name + "(" + string.Join(", ", _parameters.Select((q, i) => q.Name + " = " + Format(p[i]))) + ")";

        private static string Format(object v) => v switch
        {
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            double[] a => "[" + string.Join(", ", a.Take(6).Select(x => x.ToString("R", CultureInfo.InvariantCulture))) + (a.Length > 6 ? $", … ({a.Length})" : string.Empty) + "]",
            int[] a => "[" + string.Join(", ", a.Take(12)) + (a.Length > 12 ? $", … ({a.Length})" : string.Empty) + "]",
            _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "null",
        };

        /// <summary>double Invoke(object[] args) => method(convert(args[0]), convert(args[1]), …).</summary>
        internal static Func<object?[], double> Compile(MethodInfo method)
        {
            var invoker = new DynamicMethod(method.Name + "_Invoke", typeof(double), [typeof(object[])], typeof(ArrayCase).Module, skipVisibility: true);
            ILGenerator il = invoker.GetILGenerator();
            ParameterInfo[] parameters = method.GetParameters();
            for (int i = 0; i < parameters.Length; i++)
            {
                il.Emit(OpCodes.Ldarg_0);
                il.Emit(OpCodes.Ldc_I4, i);
                il.Emit(OpCodes.Ldelem_Ref);
                il.Emit(OpCodes.Call, Slots.For(parameters[i].ParameterType));
            }

            il.Emit(OpCodes.Call, method);
            il.Emit(OpCodes.Ret);
            return invoker.CreateDelegate<Func<object?[], double>>();
        }
    }

    /// <summary>Typed access to a point's entries, for exact gradients.</summary>
    public readonly struct ArrayPoint(object[] values)
    {
        public object[] Values => values;

        /// <summary>A double parameter.</summary>
        public double S(int i) => (double)values[i];

        /// <summary>An array or span parameter.</summary>
        public double[] V(int i) => (double[])values[i];

        public int I(int i) => (int)values[i];

        public int[] Indices(int i) => (int[])values[i];
    }

    /// <summary>Drawing arguments.</summary>
    public static class Draws
    {
        public static double[] Vector(this SplitMix64 rng, int n, double lo, double hi)
        {
            var v = new double[n];
            for (int i = 0; i < n; i++)
            {
                v[i] = rng.Uniform(lo, hi);
            }

            return v;
        }

        /// <summary>Entries of magnitude in [lo, hi] with random signs: away from 0.</summary>
        public static double[] SignedVector(this SplitMix64 rng, int n, double lo, double hi)
        {
            var v = new double[n];
            for (int i = 0; i < n; i++)
            {
                v[i] = (rng.Bool() ? 1.0 : -1.0) * rng.Uniform(lo, hi);
            }

            return v;
        }

        /// <summary>0/1 labels as doubles.</summary>
        public static double[] Labels(this SplitMix64 rng, int m)
        {
            var v = new double[m];
            for (int i = 0; i < m; i++)
            {
                v[i] = rng.Bool() ? 1.0 : 0.0;
            }

            return v;
        }

        public static int Int(this SplitMix64 rng, int lo, int hi) => (int)rng.Integer(lo, hi);

        /// <summary><paramref name="count"/> indices in [0, bound), repeats allowed.</summary>
        public static int[] Indices(this SplitMix64 rng, int count, int bound)
        {
            var v = new int[count];
            for (int i = 0; i < count; i++)
            {
                v[i] = (int)rng.Integer(0, bound - 1);
            }

            return v;
        }
    }

    /// <summary>The array cases of one theme, on methods of one type.</summary>
    public sealed class ArrayCaseList : List<ArrayCase>
    {
        private readonly Type _type;

        public ArrayCaseList(Type type) => _type = type;

        /// <param name="method">The method's name (use nameof).</param>
        /// <param name="draw">Draws one argument list, array lengths included.</param>
        /// <param name="exact">The exact gradient, one entry per differentiated parameter (a double or a double[]), or null.</param>
        /// <param name="tolerance">Relative tolerance of the exact comparison.</param>
        public void Add(string method, Func<SplitMix64, object[]> draw, Func<ArrayPoint, object[]>? exact = null, double tolerance = GradientChecks.ExactTolerance) =>
            Add(new ArrayCase(_type, method, draw, exact, tolerance));
    }
}
