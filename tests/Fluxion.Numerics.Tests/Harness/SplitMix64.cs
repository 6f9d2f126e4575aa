using System;

namespace Fluxion.Numerics.Tests.Harness
{
    /// <summary>
    /// A small, fully specified pseudo-random generator (SplitMix64), so that every sampled point
    /// is the same on every run and every runtime. A failing point can be reproduced from the seed.
    /// </summary>
    public sealed class SplitMix64
    {
        private ulong _state;

        public SplitMix64(ulong seed) => _state = seed;

        /// <summary>A seed derived from a name with FNV-1a (string.GetHashCode changes from run to run).</summary>
        public static ulong SeedFor(string name)
        {
            ulong hash = 14695981039346656037UL;
            foreach (char ch in name)
            {
                hash ^= ch;
                hash *= 1099511628211UL;
            }

            return hash;
        }

        public ulong NextULong()
        {
            ulong z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        /// <summary>Uniform in [0, 1), 53 random bits.</summary>
        public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

        public double Uniform(double lo, double hi) => lo + (hi - lo) * NextDouble();

        /// <summary>An integer in [lo, hi], both included.</summary>
        public long Integer(long lo, long hi) => lo + (long)(NextULong() % (ulong)(hi - lo + 1));

        public bool Bool() => (NextULong() & 1UL) == 1UL;

        /// <summary>A standard normal sample (Box-Muller), used for random directions.</summary>
        public double Normal()
        {
            double u1 = 1.0 - NextDouble();
            double u2 = NextDouble();
            return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        }
    }
}
