using Fluxion.Numerics.Tests.Functions;

namespace Fluxion.Numerics.Tests
{
    /// <summary>F_Grad's overloads leave out what F's callers may leave out, with F's default values.</summary>
    public sealed class DefaultValueTests
    {
        [Fact]
        public void OverloadsUseTheMethodsDefaultValues()
        {
            double full = Naming.Scaled_Grad(0.8, 1.5, 3, out double dx, out double dy);
            Assert.Equal(Naming.Scaled(0.8), full);

            Assert.Equal(full, Naming.Scaled_Grad(0.8, 1.5, out double dxWithoutN, out double dyWithoutN));
            Assert.Equal((dx, dy), (dxWithoutN, dyWithoutN));

            Assert.Equal(full, Naming.Scaled_Grad(0.8, out double dxAlone, out double dyAlone));
            Assert.Equal((dx, dy), (dxAlone, dyAlone));
        }
    }
}
