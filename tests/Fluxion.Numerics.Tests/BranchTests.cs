using System;
using System.Linq;
using Fluxion.Numerics.Tests.Functions;
using Fluxion.Numerics.Tests.Harness;

namespace Fluxion.Numerics.Tests
{
    /// <summary>
    /// The sampling of piecewise functions: the points take every branch, and no finite difference
    /// straddles a branch boundary (see <see cref="Domain"/> for the margin).
    /// </summary>
    public sealed class BranchTests
    {
        private static readonly Type[] BranchyTypes = [typeof(Branches), typeof(BranchyModels), typeof(BranchEdges)];

        public static TheoryData<string> FunctionsWithBranches => Catalog.Names(c => c.Domain.Branches.Count > 0);

        public static TheoryData<string> FunctionsWithBoundaries => Catalog.Names(c => c.Domain.Boundaries.Count > 0);

        [Fact]
        public void AtLeastFortyBranchyFunctions()
        {
            int count = Catalog.All.Values.Count(c => BranchyTypes.Contains(c.Original.DeclaringType));
            Assert.True(count >= 40, $"only {count} branchy functions");
        }

        /// <summary>Every function of the branch catalogs names at least two ways through it.</summary>
        [Fact]
        public void EveryBranchyFunctionDeclaresItsBranches()
        {
            var undeclared = Catalog.All.Values
                .Where(c => BranchyTypes.Contains(c.Original.DeclaringType) && c.Domain.Branches.Count < 2)
                .Select(c => c.Name)
                .ToList();
            Assert.True(undeclared.Count == 0, "fewer than two branches declared: " + string.Join(", ", undeclared));
        }

        /// <summary>The seeded points take every declared branch at least once, so each piece's derivative is checked.</summary>
        [Theory]
        [MemberData(nameof(FunctionsWithBranches))]
        public void SampledPointsTakeEveryBranch(string name)
        {
            GradientCase c = Catalog.Get(name);
            double[][] points = c.Points(GradientChecks.PointsPerFunction).ToArray();
            var counts = c.Domain.Branches.Select(b => (b.Name, Hits: points.Count(p => b.Taken(p)))).ToList();
            var missed = counts.Where(b => b.Hits == 0).Select(b => b.Name).ToList();
            Assert.True(
                missed.Count == 0,
                $"no point takes {string.Join(", ", missed)} ({string.Join("; ", counts.Select(b => $"{b.Name}: {b.Hits}"))})");
        }

        /// <summary>
        /// x − h, x and x + h (the central difference of each differentiated coordinate) lie on the same
        /// side of every boundary and take the same branches: the margin is wide enough for the domain.
        /// </summary>
        [Theory]
        [MemberData(nameof(FunctionsWithBoundaries))]
        public void FiniteDifferencesStayOnOneSideOfEveryBoundary(string name)
        {
            GradientCase c = Catalog.Get(name);
            var failures = new System.Collections.Generic.List<string>();
            foreach (double[] p in c.Points(GradientChecks.PointsPerFunction))
            {
                foreach (int i in c.Active)
                {
                    double h = GradientChecks.StepScale * Math.Max(1.0, Math.Abs(p[i]));
                    double[] plus = (double[])p.Clone();
                    double[] minus = (double[])p.Clone();
                    plus[i] += h;
                    minus[i] -= h;
                    for (int b = 0; b < c.Domain.Boundaries.Count; b++)
                    {
                        Boundary boundary = c.Domain.Boundaries[b];
                        int side = boundary.Side(p);
                        if (side == 0 || boundary.Side(plus) != side || boundary.Side(minus) != side)
                        {
                            failures.Add($"{c.Describe(p)}: a step in {c.Parameters[i].Name} crosses boundary #{b}");
                        }
                    }

                    foreach (Branch branch in c.Domain.Branches)
                    {
                        bool taken = branch.Taken(p);
                        if (branch.Taken(plus) != taken || branch.Taken(minus) != taken)
                        {
                            failures.Add($"{c.Describe(p)}: a step in {c.Parameters[i].Name} leaves or enters branch {branch.Name}");
                        }
                    }
                }
            }

            Assert.True(failures.Count == 0, GradientChecks.Report(failures));
        }

        /// <summary>
        /// Exactly on a boundary the finite difference is meaningless, but the gradient is still defined:
        /// it is the derivative of the branch the comparison takes there.
        /// </summary>
        [Theory]
        [InlineData("BranchyModels.Relu", new[] { 0.0 }, new[] { 0.0 })]
        [InlineData("BranchyModels.LeakyRelu", new[] { 0.0 }, new[] { 1.0 })]
        [InlineData("BranchyModels.Huber", new[] { 1.5, 1.5 }, new[] { 1.5, 0.0 })]
        [InlineData("BranchyModels.Huber", new[] { -1.5, 1.5 }, new[] { -1.5, 0.0 })]
        [InlineData("BranchyModels.ClipValue", new[] { -1.0, -1.0, 1.0 }, new[] { 1.0, 0.0, 0.0 })]
        [InlineData("BranchyModels.ClipValue", new[] { 1.0, -1.0, 1.0 }, new[] { 1.0, 0.0, 0.0 })]
        [InlineData("BranchyModels.Min3", new[] { 2.0, 2.0, 2.0 }, new[] { 1.0, 0.0, 0.0 })]
        [InlineData("BranchyModels.Max3", new[] { 2.0, 2.0, 2.0 }, new[] { 1.0, 0.0, 0.0 })]
        [InlineData("BranchyModels.Max3", new[] { 1.0, 2.0, 2.0 }, new[] { 0.0, 1.0, 0.0 })]
        [InlineData("BranchyModels.TaxOwed", new[] { 50.0, 0.5 }, new[] { 0.2, 0.0 })]
        [InlineData("BranchyModels.StableSigmoid", new[] { 0.0 }, new[] { 0.25 })]
        [InlineData("BranchyModels.Interpolate", new[] { 1.0, 0.0, 1.0, 3.0, 2.0 }, new[] { 2.0, 0.0, 1.0, 0.0, 0.0 })]
        [InlineData("Branches.AbsWithBraces", new[] { 0.0 }, new[] { 1.0 })]
        [InlineData("Branches.NestedConditional", new[] { 1.0 }, new[] { 3.0 })]
        [InlineData("Branches.ReturnParameterInBranch", new[] { 1.0, 1.0 }, new[] { 0.0, 1.0 })]
        [InlineData("BranchEdges.Sinc", new[] { 0.0 }, new[] { 0.0 })]
        public void DerivativeOnABoundaryIsTheOneOfTheBranchTaken(string name, double[] point, double[] expected)
        {
            GradientCase c = Catalog.Get(name);
            var g = new double[c.Active.Length];
            double value = c.ValueAndGradient(point, g);
            Assert.Equal(c.Value(point), value);
            Assert.Equal(expected, g);
        }
    }
}
