using System;
using System.Linq;
using Fluxion.Numerics.Tests.Functions;
using Fluxion.Numerics.Tests.Harness;

namespace Fluxion.Numerics.Tests
{
    /// <summary>The checks must be able to fail: wrong gradients fed to them are rejected.</summary>
    public sealed class HarnessSelfTests
    {
        public static TheoryData<string> Probes => new()
        {
            "Elementary.Sin",
            "Elementary.LogBase",
            "ProductsAndQuotients.Mobius",
            "DeepCompositions.LogisticMap",
            "Finance.BlackScholesCall",
            "LogisticNetwork.Loss3",
            "Loops.NestedRectangle",
            "Iterations.NewtonSqrtCoarse",
            "Iterations.KeplerNewton",
            "LoopModels.PowerIteration",
        };

        public static TheoryData<string> ArrayProbes => new()
        {
            "Arrays.ExtendedRosenbrock",
            "Arrays.GatherWeighted",
            "Arrays.TableInterpolation",
            "ArrayModels.LogisticRegressionLoss",
            "ArrayModels.NeuralNetworkLoss",
            "ArrayModels.WeightedLeastSquares",
        };

        /// <summary>One entry of one differentiated array (or a scalar) off by one part in 10⁴ is caught, for each differentiated parameter.</summary>
        [Theory]
        [MemberData(nameof(ArrayProbes))]
        public void ArrayFiniteDifferencesRejectOneSlightlyWrongEntry(string name)
        {
            ArrayCase c = ArrayCatalog.Get(name);
            for (int wrong = 0; wrong < c.Active.Length; wrong++)
            {
                int k = wrong;
                var failures = ArrayChecks.AgreesWithFiniteDifferences(c, (p, g) =>
                {
                    double v = c.ValueAndGradient(p, g);
                    if (g[k].Length > 0)
                    {
                        g[k][^1] = g[k][^1] * (1 + 1e-4) + 1e-4;
                    }

                    return v;
                });
                Assert.True(failures.Count > 0, $"a wrong d{c.ActiveName(k)} passed");
            }
        }

        /// <summary>Gradients of two arrays swapped entry for entry (where the lengths allow) are caught.</summary>
        [Fact]
        public void ArrayFiniteDifferencesRejectSwappedGradients()
        {
            ArrayCase c = ArrayCatalog.Get("Arrays.Dot");
            var failures = ArrayChecks.AgreesWithFiniteDifferences(c, (p, g) =>
            {
                double v = c.ValueAndGradient(p, g);
                (g[0], g[1]) = (g[1], g[0]);
                return v;
            });
            Assert.True(failures.Count > 0);
            Assert.Empty(ArrayChecks.AgreesWithFiniteDifferences(c));
        }

        /// <summary>The exact-gradient check of arrays rejects a gradient off by 1e-9 relative in one entry.</summary>
        [Fact]
        public void ArrayExactCheckIsTight()
        {
            ArrayCase c = ArrayCatalog.Get("Arrays.ExtendedRosenbrock");
            var shifted = new ArrayCase(typeof(Arrays), nameof(Arrays.ExtendedRosenbrock), rng => c.Points(1).First(), p =>
            {
                double[] g = (double[])((double[])c.Exact!(p)[0]).Clone();
                g[3] *= 1 + 1e-9;
                g[3] += 1e-9;
                return [g];
            }, GradientChecks.ExactTolerance);
            Assert.NotEmpty(ArrayChecks.AgreesWithExactGradient(shifted));
            Assert.Empty(ArrayChecks.AgreesWithExactGradient(c));
        }

        /// <summary>The array points are reproducible and their lengths vary.</summary>
        [Fact]
        public void ArrayPointsAreReproducibleAndVaryInLength()
        {
            ArrayCase c = ArrayCatalog.Get("Arrays.ExtendedRosenbrock");
            double[][] first = c.Points(GradientChecks.PointsPerFunction).Select(p => (double[])p[0]).ToArray();
            double[][] second = c.Points(GradientChecks.PointsPerFunction).Select(p => (double[])p[0]).ToArray();
            Assert.Equal(first, second);
            Assert.All(first, x => Assert.True(x.Length % 2 == 0 && x.Length >= 10 && x.Length <= 50, $"length {x.Length}"));
            Assert.True(first.Select(x => x.Length).Distinct().Count() > 10, "the lengths hardly vary");
        }

        /// <summary>A gradient off by one part in 10⁴ in one component is caught by the finite differences.</summary>
        [Theory]
        [MemberData(nameof(Probes))]
        public void FiniteDifferencesRejectASlightlyWrongGradient(string name)
        {
            GradientCase c = Catalog.Get(name);
            for (int wrong = 0; wrong < c.Active.Length; wrong++)
            {
                int k = wrong;
                var failures = GradientChecks.AgreesWithFiniteDifferences(c, (p, g) =>
                {
                    double v = c.ValueAndGradient(p, g);
                    g[k] = g[k] * (1 + 1e-4) + 1e-4;
                    return v;
                });
                Assert.True(failures.Count > 0, $"a wrong d{c.ActiveName(k)} passed");
            }
        }

        /// <summary>Swapping two outputs (a plausible generator bug) is caught.</summary>
        [Theory]
        [MemberData(nameof(Probes))]
        public void FiniteDifferencesRejectSwappedOutputs(string name)
        {
            GradientCase c = Catalog.Get(name);
            if (c.Active.Length < 2)
            {
                return;
            }

            var failures = GradientChecks.AgreesWithFiniteDifferences(c, (p, g) =>
            {
                double v = c.ValueAndGradient(p, g);
                (g[0], g[1]) = (g[1], g[0]);
                return v;
            });
            Assert.True(failures.Count > 0);
        }

        [Fact]
        public void FiniteDifferencesAcceptTheGeneratedGradient()
        {
            Assert.Empty(GradientChecks.AgreesWithFiniteDifferences(Catalog.Get("Elementary.Sin")));
        }

        [Fact]
        public void PointsAreReproducibleAndInsideTheDomain()
        {
            GradientCase c = Catalog.Get("Elementary.Acosh");
            double[][] first = c.Points(GradientChecks.PointsPerFunction).ToArray();
            double[][] second = c.Points(GradientChecks.PointsPerFunction).ToArray();
            Assert.Equal(GradientChecks.PointsPerFunction, first.Length);
            Assert.Equal(first.Select(p => p[0]), second.Select(p => p[0]));
            Assert.All(first, p => Assert.InRange(p[0], 1.05, 10));
            Assert.True(first.Select(p => p[0]).Distinct().Count() == first.Length, "the points repeat");
        }

        [Fact]
        public void GeneratorIsDeterministic()
        {
            var a = new SplitMix64(42);
            var b = new SplitMix64(42);
            for (int i = 0; i < 1000; i++)
            {
                Assert.Equal(a.NextULong(), b.NextULong());
            }

            // The first output of SplitMix64 seeded with 0 is a published constant.
            Assert.Equal(0xE220A8397B1DCDAFUL, new SplitMix64(0).NextULong());
        }

        /// <summary>The integer draws cover their whole range, both ends included.</summary>
        [Fact]
        public void IntegerCoordinatesCoverTheirRange()
        {
            var rng = new SplitMix64(7);
            var seen = Enumerable.Range(0, 2000).Select(_ => Coords.Int(-3, 3).Draw(rng)).Distinct().OrderBy(v => v).ToArray();
            Assert.Equal(new double[] { -3, -2, -1, 0, 1, 2, 3 }, seen);
        }

        /// <summary>The exact-derivative check rejects a gradient off by 1e-9 relative.</summary>
        [Fact]
        public void ExactCheckIsTight()
        {
            GradientCase c = Catalog.Get("Elementary.Exp");
            var shifted = new GradientCase(typeof(Elementary), nameof(Elementary.Exp), null, c.Domain, p => [Math.Exp(p[0]) * (1 + 1e-9)], GradientChecks.ExactTolerance);
            Assert.NotEmpty(GradientChecks.AgreesWithExactDerivative(shifted));
            Assert.Empty(GradientChecks.AgreesWithExactDerivative(c));
        }

        /// <summary>Points are resampled within the margin of a boundary, relative to the size of its sides.</summary>
        [Fact]
        public void PointsKeepTheMarginFromBoundaries()
        {
            var rng = new SplitMix64(11);
            Domain near = Coords.D(Coords.U(-0.01, 0.01), Coords.U(500, 600)).AwayFrom(0, 0.0).AwayFrom(p => p[1], _ => 550);
            for (int n = 0; n < 2000; n++)
            {
                double[] p = near.Draw(rng);
                Assert.True(Math.Abs(p[0]) > Domain.BoundaryMargin, $"x = {p[0]}");
                Assert.True(Math.Abs(p[1] - 550) > Domain.BoundaryMargin * p[1], $"y = {p[1]}");
            }
        }

        /// <summary>The branch-coverage test can fail: a branch the domain cannot reach is reported.</summary>
        [Fact]
        public void UnreachableBranchIsNoticed()
        {
            GradientCase c = Catalog.Get("BranchyModels.Relu");
            Domain positiveOnly = Coords.D(Coords.U(0.5, 3)).Branch("x > 0", p => p[0] > 0).Branch("x <= 0", p => p[0] <= 0);
            var restricted = new GradientCase(typeof(BranchyModels), nameof(BranchyModels.Relu), null, positiveOnly, c.Exact, c.ExactTolerance);
            double[][] points = restricted.Points(GradientChecks.PointsPerFunction).ToArray();
            Assert.Contains(restricted.Domain.Branches, b => !points.Any(p => b.Taken(p)));
            Assert.All(c.Domain.Branches, b => Assert.Contains(c.Points(GradientChecks.PointsPerFunction), p => b.Taken(p)));
        }

        /// <summary>Without the margin, a finite difference across a jump is far off: the reason for the margin.</summary>
        [Fact]
        public void FiniteDifferenceAcrossAJumpIsMeaningless()
        {
            GradientCase c = Catalog.Get("Branches.ElseIfChain");
            Domain straddling = Coords.D(Coords.U(1 - 1e-7, 1 + 1e-7));
            var unguarded = new GradientCase(typeof(Branches), nameof(Branches.ElseIfChain), null, straddling, c.Exact, c.ExactTolerance);
            Assert.NotEmpty(GradientChecks.AgreesWithFiniteDifferences(unguarded));
            Assert.Empty(GradientChecks.AgreesWithFiniteDifferences(c));
        }
    }
}
