using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Numerics.Tests.Functions;
using Fluxion.Numerics.Tests.Harness;

namespace Fluxion.Numerics.Tests
{
    /// <summary>
    /// Loops as a whole: how many are checked, and what happens where a data-dependent trip count
    /// changes. There the function jumps (so the catalog keeps its points away), yet on either side,
    /// arbitrarily close, the gradient is the exact derivative of the iterations that ran.
    /// </summary>
    public sealed class LoopTests
    {
        private static readonly Type[] LoopTypes = [typeof(Loops), typeof(Iterations), typeof(LoopModels), typeof(LoopCarriedValues)];

        /// <summary>The functions whose trip count follows a double parameter, each declared trip count a branch.</summary>
        public static TheoryData<string, bool> TripCountChanges => new()
        {
            { "Iterations.NewtonSqrtCoarse", true },
            { "Iterations.ExpTaylorUntilSmall", true },
            { "Iterations.QuarterStepStaircase", true },
            { "Iterations.FloorTripCount", true },
            { "Iterations.GrowthUntilCap", true },
            { "Iterations.RangeReductionLog", false },
        };

        [Fact]
        public void AtLeastThirtyScalarLoopFunctions()
        {
            int count = Catalog.All.Values.Count(c => LoopTypes.Contains(c.Original.DeclaringType));
            Assert.True(count >= 30, $"only {count} loop functions");
        }

        /// <summary>Every function whose trip count follows a double keeps its points off the changes and names each trip count.</summary>
        [Theory]
        [MemberData(nameof(TripCountChanges))]
        public void DataDependentTripCountsDeclareBoundariesAndBranches(string name, bool jumps)
        {
            _ = jumps;
            GradientCase c = Catalog.Get(name);
            Assert.NotEmpty(c.Domain.Boundaries);
            Assert.True(c.Domain.Branches.Count >= 2, $"{name} declares {c.Domain.Branches.Count} trip counts");
        }

        /// <summary>
        /// Between sampled values of the first coordinate that run different numbers of iterations (the
        /// other coordinates those of a sampled point), bisects down to the change, then checks, 10⁻⁹
        /// either side of it: the gradient is the exact derivative of that side's iterations, and the value
        /// jumps by more than its slope explains (or, for ln by range reduction, does not).
        /// </summary>
        [Theory]
        [MemberData(nameof(TripCountChanges))]
        public void BothSidesOfATripCountChange(string name, bool jumps)
        {
            GradientCase c = Catalog.Get(name);
            double[][] points = c.Points(GradientChecks.PointsPerFunction).ToArray();
            double[] xs = points.Select(p => p[0]).OrderBy(x => x).ToArray();

            string Label(double[] template, double x)
            {
                double[] p = (double[])template.Clone();
                p[0] = x;
                return string.Join("|", c.Domain.Branches.Where(b => b.Taken(p)).Select(b => b.Name));
            }

            // Change points (the point with x at the change), along x with the other coordinates of one
            // sampled point after another, until there are a few.
            var changes = new List<double[]>();
            foreach (double[] template in points.Take(16))
            {
                for (int i = 0; i + 1 < xs.Length; i++)
                {
                    double lo = xs[i];
                    double hi = xs[i + 1];
                    string left = Label(template, lo);
                    if (left == Label(template, hi))
                    {
                        continue;
                    }

                    while (hi - lo > 1e-13 * Math.Max(1, Math.Abs(lo)))
                    {
                        double mid = 0.5 * (lo + hi);
                        if (Label(template, mid) == left)
                        {
                            lo = mid;
                        }
                        else
                        {
                            hi = mid;
                        }
                    }

                    double[] change = (double[])template.Clone();
                    change[0] = 0.5 * (lo + hi);
                    changes.Add(change);
                }

                if (changes.Count >= 4)
                {
                    break;
                }
            }

            Assert.True(changes.Count >= 2, $"{name}: only {changes.Count} trip-count changes found");
            var failures = new List<string>();
            var g = new double[c.Active.Length];
            foreach (double[] change in changes)
            {
                double delta = 1e-9 * Math.Max(1, Math.Abs(change[0]));
                double[] below = (double[])change.Clone();
                double[] above = (double[])change.Clone();
                below[0] -= delta;
                above[0] += delta;
                if (Label(change, below[0]) == Label(change, above[0]))
                {
                    failures.Add($"{c.Describe(change)}: no change between {below[0]} and {above[0]}");
                    continue;
                }

                var slopes = new List<double>();
                foreach (double[] p in new[] { below, above })
                {
                    double value = c.ValueAndGradient(p, g);
                    Assert.Equal(c.Value(p), value);
                    slopes.Add(g[0]);
                    double[] e = c.Exact!(p);
                    for (int k = 0; k < e.Length; k++)
                    {
                        if (!(Math.Abs(g[k] - e[k]) <= c.ExactTolerance * Math.Max(1, Math.Abs(e[k]))))
                        {
                            failures.Add($"{c.Describe(p)} ({Label(p, p[0])}): d{c.ActiveName(k)} = {g[k]}, exact {e[k]}");
                        }
                    }
                }

                // What the value moves across the change beyond what its slope explains.
                double jump = Math.Abs(c.Value(above) - c.Value(below) - 0.5 * (slopes[0] + slopes[1]) * (above[0] - below[0]));
                double scale = Math.Max(1, Math.Abs(c.Value(above)));
                if (jumps && !(jump > 1e-7 * scale))
                {
                    failures.Add($"{c.Describe(change)}: the value moves only {jump:G3} across the change");
                }
                else if (!jumps && !(jump < 1e-13 * scale))
                {
                    failures.Add($"{c.Describe(change)}: the value jumps by {jump:G3}");
                }
            }

            Assert.True(failures.Count == 0, GradientChecks.Report(failures));
        }
    }
}
