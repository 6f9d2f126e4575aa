using System;
using Fluxion.Numerics.Tests.Functions;

namespace Fluxion.Numerics.Tests
{
    /// <summary>
    /// A value whose adjoint is zero contributes exactly zero, even where its partial is infinite: the gradients at the
    /// guarded points are what the method computed there (issue: NaN from a branch not taken, 0 · ∞ in the backward sweep).
    /// </summary>
    public sealed class ZeroAdjointTests
    {
        [Fact]
        public void GuardedNormalizeAtTheOriginHasGradientZero()
        {
            Assert.Equal(0.0, ZeroAdjoints.GuardedNormalizeX_Grad(0.0, 0.0, 0.0, out double dx, out double dy, out double dz));
            Assert.Equal(new[] { 0.0, 0.0, 0.0 }, new[] { dx, dy, dz });
        }

        [Theory]
        [InlineData(-1.0)]
        [InlineData(-1e-300)]
        [InlineData(0.0)]
        public void SqrtOfMaxBelowZeroHasDerivativeZero(double x)
        {
            ZeroAdjoints.SqrtOfMax_Grad(x, out double dx);
            // At 0 itself Max takes x (ties go to the first argument), so √'s infinite slope is the derivative taken.
            Assert.Equal(x < 0.0 ? 0.0 : double.PositiveInfinity, dx);
        }

        [Theory]
        [InlineData(0.0, 0.0)]
        [InlineData(1e-12, -3e-13)]
        public void MaxFloorGivesOneOverEpsilonOnTheDiagonal(double x, double y)
        {
            ZeroAdjoints.FlooredNormalizeX_Grad(x, y, out double dx, out double dy);
            Assert.Equal(1e9, dx, 1e-6);
            Assert.Equal(0.0, dy);
        }

        [Fact]
        public void AnElementOverwrittenBeforeItIsReadContributesNothing()
        {
            Assert.Equal(4.0, ZeroAdjoints.OverwrittenElement_Grad(0.0, 2.0, out double ds, out double dx));
            Assert.Equal(0.0, ds);
            Assert.Equal(4.0, dx);
        }

        [Fact]
        public void ALogarithmOnTheBranchNotTakenContributesNothing()
        {
            Assert.Equal(3.0, ZeroAdjoints.GuardedLog_Grad(0.0, 3.0, out double ds, out double dx));
            Assert.Equal(0.0, ds);
            Assert.Equal(1.0, dx);
        }
    }
}
