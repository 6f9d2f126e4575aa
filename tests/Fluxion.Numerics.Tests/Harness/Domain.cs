using System;
using System.Linq;

namespace Fluxion.Numerics.Tests.Harness
{
    /// <summary>How one coordinate of a sample point is drawn.</summary>
    public enum CoordKind
    {
        /// <summary>Uniform in [Lo, Hi].</summary>
        Uniform,

        /// <summary>Log-uniform in [Lo, Hi] (Lo &gt; 0): every order of magnitude equally often.</summary>
        LogUniform,

        /// <summary>Magnitude uniform in [Lo, Hi] (Lo &gt; 0), sign random: keeps away from 0.</summary>
        Signed,

        /// <summary>An integer in [Lo, Hi], for int and long parameters.</summary>
        Integer,

        /// <summary>0 or 1, for bool parameters (and 0/1 labels).</summary>
        Bool,
    }

    public readonly record struct Coord(double Lo, double Hi, CoordKind Kind)
    {
        public double Draw(SplitMix64 rng) => Kind switch
        {
            CoordKind.Uniform => rng.Uniform(Lo, Hi),
            CoordKind.LogUniform => Math.Exp(rng.Uniform(Math.Log(Lo), Math.Log(Hi))),
            CoordKind.Signed => (rng.Bool() ? 1.0 : -1.0) * rng.Uniform(Lo, Hi),
            CoordKind.Integer => rng.Integer((long)Lo, (long)Hi),
            CoordKind.Bool => rng.Bool() ? 1.0 : 0.0,
            _ => throw new InvalidOperationException(),
        };
    }

    /// <summary>Coordinate factories, imported with <c>using static</c> in the function files.</summary>
    public static class Coords
    {
        public static Coord U(double lo, double hi) => new(lo, hi, CoordKind.Uniform);

        public static Coord LogU(double lo, double hi) => new(lo, hi, CoordKind.LogUniform);

        public static Coord Signed(double lo, double hi) => new(lo, hi, CoordKind.Signed);

        public static Coord Int(long lo, long hi) => new(lo, hi, CoordKind.Integer);

        public static Coord Flag => new(0, 1, CoordKind.Bool);

        /// <summary>A box of coordinates, one per parameter of the method, in order.</summary>
        public static Domain D(params Coord[] coords) => new(coords, null);

        /// <summary>Distance from x to the nearest integer.</summary>
        public static double FromInteger(double x) => Math.Abs(x - Math.Round(x));

        /// <summary>Distance from x to the nearest half-integer (where Math.Round jumps).</summary>
        public static double FromHalfInteger(double x) => Math.Abs(x - Math.Floor(x) - 0.5);
    }

    /// <summary>
    /// Where a function is sampled: a box of coordinates, optionally cut down by a predicate
    /// (rejection sampling) that keeps points inside the function's domain and away from kinks.
    /// Every cut keeps a margin far larger than the finite-difference step, so x ± h stays on the
    /// same smooth piece.
    /// </summary>
    public sealed class Domain
    {
        private readonly Coord[] _coords;
        private readonly Func<double[], bool>? _accept;

        public Domain(Coord[] coords, Func<double[], bool>? accept)
        {
            _coords = coords;
            _accept = accept;
        }

        public int Dimension => _coords.Length;

        public Domain Where(Func<double[], bool> accept) =>
            new(_coords, _accept is null ? accept : p => _accept(p) && accept(p));

        public double[] Draw(SplitMix64 rng)
        {
            for (int attempt = 0; attempt < 100_000; attempt++)
            {
                double[] p = _coords.Select(c => c.Draw(rng)).ToArray();
                if (_accept is null || _accept(p))
                {
                    return p;
                }
            }

            throw new InvalidOperationException("The domain's predicate rejects almost every point.");
        }
    }
}
