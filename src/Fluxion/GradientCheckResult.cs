using System;
using System.Globalization;

namespace Fluxion
{
    /// <summary>
    /// What a <see cref="GradientCheck"/> found: the component whose analytic and numeric derivatives differ most (by
    /// <see cref="Error"/>), and whether it is within the tolerance, which then holds for every component.
    /// </summary>
    public sealed class GradientCheckResult
    {
        internal GradientCheckResult(
            string kind, int components, int index, string label, double analytic, double numeric, double error, double tolerance)
        {
            Kind = kind;
            Components = components;
            Index = index;
            Label = label;
            Analytic = analytic;
            Numeric = numeric;
            Error = error;
            Tolerance = tolerance;
        }

        /// <summary>What was checked: "Gradient", "Directional derivative", "Hessian", "Hessian-vector product" or "Jacobian".</summary>
        public string Kind { get; }

        /// <summary>How many components were compared (n for a gradient, n² for a Hessian, m · n for a Jacobian, 1 for a directional derivative).</summary>
        public int Components { get; }

        /// <summary>
        /// The worst component's index into the checked array: i for a gradient or product, row · n + column for a Hessian or a
        /// Jacobian, 0 for a directional derivative.
        /// </summary>
        public int Index { get; }

        /// <summary>The worst component as written in <see cref="ToString"/>: <c>[i]</c>, <c>[row,column]</c> or <c>along v</c>.</summary>
        public string Label { get; }

        /// <summary>The worst component's derivative as given (by the generated method).</summary>
        public double Analytic { get; }

        /// <summary>The worst component's central difference.</summary>
        public double Numeric { get; }

        /// <summary>|<see cref="Analytic"/> − <see cref="Numeric"/>|.</summary>
        public double AbsoluteError => Math.Abs(Analytic - Numeric);

        /// <summary>|<see cref="Analytic"/> − <see cref="Numeric"/>| / max(|analytic|, |numeric|), 0 when both are 0.</summary>
        public double RelativeError
        {
            get
            {
                double size = Math.Max(Math.Abs(Analytic), Math.Abs(Numeric));
                return size == 0.0 ? 0.0 : AbsoluteError / size;
            }
        }

        /// <summary>
        /// The error the check compares with <see cref="Tolerance"/>: |analytic − numeric| / max(1, |analytic|, |numeric|),
        /// infinite when either side is not finite.
        /// </summary>
        public double Error { get; }

        /// <summary>The tolerance the check used.</summary>
        public double Tolerance { get; }

        /// <summary>Whether every component is within the tolerance (the worst one is).</summary>
        public bool Passed => Error <= Tolerance;

        /// <summary>
        /// One line, for example <c>Gradient check passed (10 components): worst [3]: analytic -2.1500000000E+001,
        /// numeric -2.1500000001E+001, abs error 1.2E-009, rel error 5.6E-011, error 5.6E-011 &lt;= tolerance 1.0E-006</c>.
        /// </summary>
        /// <returns>The result, culture-invariant.</returns>
        public override string ToString()
        {
            string verdict = Passed ? "passed" : "FAILED";
            string comparison = Passed ? "<=" : ">";
            return string.Format(
                CultureInfo.InvariantCulture,
                "{0} check {1} ({2} {11}): worst {3}: analytic {4:E10}, numeric {5:E10}, abs error {6:E1}, rel error {7:E1}, " +
                "error {8:E1} {9} tolerance {10:E1}",
                Kind, verdict, Components, Label, Analytic, Numeric, AbsoluteError, RelativeError, Error, comparison, Tolerance,
                Components == 1 ? "component" : "components");
        }
    }
}
