using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Generator.Model;

namespace Fluxion.Generator.Rules
{
    /// <summary>
    /// The derivative table: one entry per <c>System.Math</c> function and arity. Each entry gives the
    /// partial derivative with respect to every argument, written with the arguments and the call's own
    /// result (so <c>Exp</c> reuses its value instead of computing it again). Adding a function is one line.
    /// </summary>
    internal static class MathRules
    {
        private const double Ln2 = 0.69314718055994529;
        private const double Ln10 = 2.3025850929940459;

        /// <summary>Computes the partials from the arguments <c>a</c> and the result <c>r</c>.</summary>
        public delegate Expr[] PartialsRule(IReadOnlyList<Expr> a, Expr r);

        private static readonly Dictionary<string, PartialsRule> Table = new Dictionary<string, PartialsRule>(StringComparer.Ordinal)
        {
            ["Sin/1"] = (a, r) => new[] { Call("Cos", a[0]) },
            ["Cos/1"] = (a, r) => new[] { Neg(Call("Sin", a[0])) },
            ["Tan/1"] = (a, r) => new[] { Add(One, Mul(r, r)) },
            ["Asin/1"] = (a, r) => new[] { Div(One, Call("Sqrt", Sub(One, Mul(a[0], a[0])))) },
            ["Acos/1"] = (a, r) => new[] { Neg(Div(One, Call("Sqrt", Sub(One, Mul(a[0], a[0]))))) },
            ["Atan/1"] = (a, r) => new[] { Div(One, Add(One, Mul(a[0], a[0]))) },
            ["Atan2/2"] = (a, r) => new[] { Div(a[1], SumOfSquares(a[0], a[1])), Neg(Div(a[0], SumOfSquares(a[0], a[1]))) },
            ["Sinh/1"] = (a, r) => new[] { Call("Cosh", a[0]) },
            ["Cosh/1"] = (a, r) => new[] { Call("Sinh", a[0]) },
            ["Tanh/1"] = (a, r) => new[] { Sub(One, Mul(r, r)) },
            ["Asinh/1"] = (a, r) => new[] { Div(One, Call("Sqrt", Add(Mul(a[0], a[0]), One))) },
            ["Acosh/1"] = (a, r) => new[] { Div(One, Call("Sqrt", Sub(Mul(a[0], a[0]), One))) },
            ["Atanh/1"] = (a, r) => new[] { Div(One, Sub(One, Mul(a[0], a[0]))) },
            ["Exp/1"] = (a, r) => new[] { r },
            ["Log/1"] = (a, r) => new[] { Div(One, a[0]) },
            ["Log/2"] = (a, r) => new[] { Div(One, Mul(a[0], Call("Log", a[1]))), Neg(Div(r, Mul(a[1], Call("Log", a[1])))) },
            ["Log10/1"] = (a, r) => new[] { Div(One, Mul(a[0], new Constant(Ln10))) },
            ["Log2/1"] = (a, r) => new[] { Div(One, Mul(a[0], new Constant(Ln2))) },
            ["Sqrt/1"] = (a, r) => new[] { Div(new Constant(0.5), r) },
            ["Cbrt/1"] = (a, r) => new[] { Div(One, Mul(new Constant(3.0), Mul(r, r))) },
            // ∂/∂y of x^y is x^y·ln x, which is 0 (not 0·-∞) at x = 0.
            // ∂/∂x of x^y is y·x^(y-1), which is 0 (not 0·∞) for y = 0.
            ["Pow/2"] = (a, r) => new[] { Select(Compare(BinaryOperator.Equal, a[1], Zero), Zero, Mul(a[1], Call("Pow", a[0], Sub(a[1], One)))),
                Select(Compare(BinaryOperator.Equal, a[0], Zero), Zero, Mul(r, Call("Log", a[0]))) },
            // Kinks take the derivative of the branch actually taken: Abs'(0) = +1, ties go to the first argument.
            ["Abs/1"] = (a, r) => new[] { Select(Compare(BinaryOperator.GreaterOrEqual, a[0], Zero), One, new Constant(-1.0)) },
            ["Max/2"] = (a, r) => new[] { Select(Compare(BinaryOperator.GreaterOrEqual, a[0], a[1]), One, Zero),
                Select(Compare(BinaryOperator.GreaterOrEqual, a[0], a[1]), Zero, One) },
            ["Min/2"] = (a, r) => new[] { Select(Compare(BinaryOperator.LessOrEqual, a[0], a[1]), One, Zero),
                Select(Compare(BinaryOperator.LessOrEqual, a[0], a[1]), Zero, One) },
            ["Clamp/3"] = (a, r) => new[]
            {
                Select(Compare(BinaryOperator.Less, a[0], a[1]), Zero, Select(Compare(BinaryOperator.Greater, a[0], a[2]), Zero, One)),
                Select(Compare(BinaryOperator.Less, a[0], a[1]), One, Zero),
                Select(Compare(BinaryOperator.Less, a[0], a[1]), Zero, Select(Compare(BinaryOperator.Greater, a[0], a[2]), One, Zero)),
            },
            ["FusedMultiplyAdd/3"] = (a, r) => new[] { a[1], a[0], One },
            // Piecewise constant: derivative 0 wherever it exists (Math.Sign returns int, so it needs no entry).
            ["Floor/1"] = (a, r) => new Expr[] { Zero },
            ["Ceiling/1"] = (a, r) => new Expr[] { Zero },
            ["Truncate/1"] = (a, r) => new Expr[] { Zero },
            ["Round/1"] = (a, r) => new Expr[] { Zero },
            ["Round/2"] = (a, r) => new Expr[] { Zero, Zero },
            ["Round/3"] = (a, r) => new Expr[] { Zero, Zero, Zero },
            ["CopySign/2"] = (a, r) => new[] { Mul(Call("CopySign", One, a[1]), Select(Compare(BinaryOperator.GreaterOrEqual, a[0], Zero), One,
                new Constant(-1.0))), Zero },
            ["ScaleB/2"] = (a, r) => new[] { Call("ScaleB", One, a[1]), Zero },

            // double's own functions (System.Math has none of these).
            ["ExpM1/1"] = (a, r) => new[] { Add(r, One) },
            ["Exp2/1"] = (a, r) => new[] { Mul(r, new Constant(Ln2)) },
            ["Exp10/1"] = (a, r) => new[] { Mul(r, new Constant(Ln10)) },
            ["LogP1/1"] = (a, r) => new[] { Div(One, Add(a[0], One)) },
            ["Log2P1/1"] = (a, r) => new[] { Div(One, Mul(Add(a[0], One), new Constant(Ln2))) },
            ["Log10P1/1"] = (a, r) => new[] { Div(One, Mul(Add(a[0], One), new Constant(Ln10))) },
            ["Hypot/2"] = (a, r) => new[] { Div(a[0], r), Div(a[1], r) },
            ["RootN/2"] = (a, r) => new[] { Div(r, Mul(new NumericConversion(a[1], ScalarType.Double), a[0])), Zero },
            ["SinPi/1"] = (a, r) => new[] { Mul(new Constant(Math.PI), Call("CosPi", a[0])) },
            ["CosPi/1"] = (a, r) => new[] { Neg(Mul(new Constant(Math.PI), Call("SinPi", a[0]))) },
            ["TanPi/1"] = (a, r) => new[] { Mul(new Constant(Math.PI), Add(One, Mul(r, r))) },
            ["AsinPi/1"] = (a, r) => new[] { Div(One, Mul(new Constant(Math.PI), Call("Sqrt", Sub(One, Mul(a[0], a[0]))))) },
            ["AcosPi/1"] = (a, r) => new[] { Neg(Div(One, Mul(new Constant(Math.PI), Call("Sqrt", Sub(One, Mul(a[0], a[0])))))) },
            ["AtanPi/1"] = (a, r) => new[] { Div(One, Mul(new Constant(Math.PI), Add(One, Mul(a[0], a[0])))) },
            ["DegreesToRadians/1"] = (a, r) => new Expr[] { new Constant(Math.PI / 180.0) },
            ["RadiansToDegrees/1"] = (a, r) => new Expr[] { new Constant(180.0 / Math.PI) },
            ["Lerp/3"] = (a, r) => new[] { Sub(One, a[2]), a[2], Sub(a[1], a[0]) },
        };

        /// <summary>The functions only <c>double</c> has: printed as <c>double.Name</c> rather than <c>System.Math.Name</c>.</summary>
        private static readonly HashSet<string> OnDoubleOnly = new HashSet<string>(StringComparer.Ordinal)
        {
            "ExpM1", "Exp2", "Exp10", "LogP1", "Log2P1", "Log10P1", "Hypot", "RootN", "SinPi", "CosPi", "TanPi", "AsinPi", "AcosPi", "AtanPi",
            "DegreesToRadians", "RadiansToDegrees", "Lerp",
        };

        /// <summary>Parameters that take an integer (or an enum, a rounding mode), by function and arity: they get no derivative.</summary>
        private static readonly HashSet<string> NotDifferentiated = new HashSet<string>(StringComparer.Ordinal)
        {
            "Round/2#1", "Round/3#1", "Round/3#2", "ScaleB/2#1", "RootN/2#1",
        };

        /// <summary>How generated code names the function: <c>global::System.Math.Sin</c>, or <c>double.Hypot</c>.</summary>
        public static string QualifiedName(string function) => (OnDoubleOnly.Contains(function) ? "double." : "global::System.Math.") + function;

        /// <summary>True when the parameter at <paramref name="ordinal"/> takes a double; false for a count, digits or a rounding mode.</summary>
        public static bool TakesDouble(string function, int arity, int ordinal) => !NotDifferentiated.Contains(Key(function, arity) + "#" + ordinal);

        private static Constant Zero => Constant.Zero;

        private static Constant One => Constant.One;

        /// <summary>True when the table has a rule for <paramref name="function"/> with that many arguments.</summary>
        public static bool Has(string function, int arity) => Table.ContainsKey(Key(function, arity));

        /// <summary>The rule of <c>Math.function</c> with that many arguments, or null; a partial that is the constant 0 lets nothing flow.</summary>
        public static PrimitiveRule? Find(string function, int arity) => Rules.TryGetValue(Key(function, arity), out PrimitiveRule? rule) ? rule : null;

        /// <summary>
        /// The functions whose partials are infinite or NaN at finite arguments of their domain: at 0 (Sqrt, Cbrt, the logarithms,
        /// x^y for y &lt; 1, Atan2 at the origin) or at its edges (Asin and Acos at ±1, Acosh at 1, Atanh at ±1).
        /// </summary>
        private static readonly HashSet<string> Unbounded = new HashSet<string>(StringComparer.Ordinal)
        {
            "Asin/1", "Acos/1", "Atan2/2", "Acosh/1", "Atanh/1", "Log/1", "Log/2", "Log10/1", "Log2/1", "Sqrt/1", "Cbrt/1", "Pow/2",
            "LogP1/1", "Log2P1/1", "Log10P1/1", "Hypot/2", "RootN/2", "AsinPi/1", "AcosPi/1",
        };

        /// <summary>The table's entries as registry rules, wrapped once (every mode asks for them for each call it differentiates).</summary>
        private static readonly Dictionary<string, PrimitiveRule> Rules = Table.ToDictionary(
            entry => entry.Key,
            entry => (PrimitiveRule)((a, r) => entry.Value(a, r)
                .Select(p => p is Constant { Value: 0.0 } ? null : new Partial.Factor(p, Unbounded.Contains(entry.Key))).ToArray()),
            StringComparer.Ordinal);

        private static string Key(string function, int arity) => function + "/" + arity;

        private static Expr Call(string function, params Expr[] arguments) => new MathCall(function, arguments.ToEquatableArray());

        private static Expr Add(Expr left, Expr right) => new Binary(BinaryOperator.Add, left, right, ScalarType.Double);

        private static Expr Sub(Expr left, Expr right) => new Binary(BinaryOperator.Subtract, left, right, ScalarType.Double);

        private static Expr Mul(Expr left, Expr right) => new Binary(BinaryOperator.Multiply, left, right, ScalarType.Double);

        private static Expr Div(Expr left, Expr right) => new Binary(BinaryOperator.Divide, left, right, ScalarType.Double);

        private static Expr Neg(Expr operand) => new Unary(UnaryOperator.Negate, operand, ScalarType.Double);

        private static Expr SumOfSquares(Expr x, Expr y) => Add(Mul(x, x), Mul(y, y));

        private static Expr Compare(BinaryOperator comparison, Expr left, Expr right) => new Binary(comparison, left, right, ScalarType.Boolean);

        private static Expr Select(Expr condition, Expr whenTrue, Expr whenFalse) => new Conditional(condition, whenTrue, whenFalse, ScalarType.Double);
    }
}
