using System;

namespace Fluxion.Numerics.Tests.Harness
{
    /// <summary>Entry-by-entry comparison of derivatives with an oracle, relative above 1 and absolute below.</summary>
    public static class Close
    {
        /// <summary>Asserts that each entry of <paramref name="actual"/> is within <paramref name="tolerance"/> · max(1, |expected|) of <paramref name="expected"/>.</summary>
        public static void AssertAll(double[] expected, double[] actual, double tolerance, string what)
        {
            Assert.Equal(expected.Length, actual.Length);
            for (int k = 0; k < expected.Length; k++)
            {
                Assert.True(Math.Abs(expected[k] - actual[k]) <= tolerance * Math.Max(1.0, Math.Abs(expected[k])),
                    $"{what}: entry {k} is {actual[k]:R}, expected {expected[k]:R}");
            }
        }
    }
}
