using System;

namespace Fluxion.Benchmarks.Functions
{
    /// <summary>The step of the central finite differences.</summary>
    public static class Step
    {
        /// <summary>
        /// h = ε^(1/3)·max(1, |v|) with ε = 2⁻⁵², the step that balances truncation and rounding
        /// error of a central difference.
        /// </summary>
        public static double For(double v) => 6.055454452393343e-6 * Math.Max(1.0, Math.Abs(v));
    }
}
