using System;
using System.Collections.Generic;
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

        /// <summary>
        /// Exactly At one time in four, otherwise uniform in [Lo, Hi]: for a test such as x == 0 or
        /// x != 0, whose equal side a continuous draw would never take.
        /// </summary>
        UniformOrExactly,
    }

    public readonly record struct Coord(double Lo, double Hi, CoordKind Kind, double At = 0)
    {
        public double Draw(SplitMix64 rng) => Kind switch
        {
            CoordKind.Uniform => rng.Uniform(Lo, Hi),
            CoordKind.LogUniform => Math.Exp(rng.Uniform(Math.Log(Lo), Math.Log(Hi))),
            CoordKind.Signed => (rng.Bool() ? 1.0 : -1.0) * rng.Uniform(Lo, Hi),
            CoordKind.Integer => rng.Integer((long)Lo, (long)Hi),
            CoordKind.Bool => rng.Bool() ? 1.0 : 0.0,
            CoordKind.UniformOrExactly => rng.NextULong() % 4 == 0 ? At : rng.Uniform(Lo, Hi),
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

        /// <summary>Exactly <paramref name="at"/> one time in four, otherwise uniform in [lo, hi].</summary>
        public static Coord UOrExactly(double lo, double hi, double at) => new(lo, hi, CoordKind.UniformOrExactly, at);

        /// <summary>A box of coordinates, one per parameter of the method, in order.</summary>
        public static Domain D(params Coord[] coords) => new(coords, null);

        /// <summary>Distance from x to the nearest integer.</summary>
        public static double FromInteger(double x) => Math.Abs(x - Math.Round(x));

        /// <summary>Distance from x to the nearest half-integer (where Math.Round jumps).</summary>
        public static double FromHalfInteger(double x) => Math.Abs(x - Math.Floor(x) - 0.5);
    }

    /// <summary>
    /// A place where a piecewise function changes piece: the comparison <c>Left ⋚ Right</c> of its
    /// source flips where Left(p) = Right(p).
    /// </summary>
    public sealed record Boundary(Func<double[], double> Left, Func<double[], double> Right)
    {
        /// <summary>|Left − Right| relative to max(1, |Left|, |Right|): how far p is from the boundary.</summary>
        public double Gap(double[] p)
        {
            double left = Left(p);
            double right = Right(p);
            return Math.Abs(left - right) / Math.Max(1.0, Math.Max(Math.Abs(left), Math.Abs(right)));
        }

        /// <summary>Which side of the boundary p is on: −1, 0 or 1.</summary>
        public int Side(double[] p) => Math.Sign(Left(p) - Right(p));
    }

    /// <summary>One way through a piecewise function: the points where <paramref name="Taken"/> holds go that way.</summary>
    public sealed record Branch(string Name, Func<double[], bool> Taken);

    /// <summary>
    /// Where a function is sampled: a box of coordinates, optionally cut down by a predicate
    /// (rejection sampling) that keeps points inside the function's domain and away from kinks.
    /// Every cut keeps a margin far larger than the finite-difference step, so x ± h stays on the
    /// same smooth piece.
    /// </summary>
    /// <remarks>
    /// <para>
    /// A function with branches is smooth on each piece but may have a kink or a jump where a
    /// comparison of its source flips. There the central difference (f(x+h) − f(x−h)) / 2h is
    /// meaningless: across a jump J it is about J / 2h ≈ 10⁵·J, across a kink it is the mean of the two
    /// one-sided slopes, while the gradient (rightly) is the derivative of the branch taken. So every
    /// comparison of a piecewise function is declared as a <see cref="Boundary"/> with
    /// <see cref="AwayFrom(Func{double[], double}, Func{double[], double})"/>, and a drawn point is
    /// resampled when it lies within <see cref="BoundaryMargin"/> of one:
    /// |Left − Right| ≤ 10⁻³·max(1, |Left|, |Right|).
    /// </para>
    /// <para>
    /// The finite-difference step is h = 6.1·10⁻⁶·max(1, |x|) (see GradientChecks.StepScale); it moves
    /// Left − Right by about h·|∂(Left − Right)/∂x|. The margin is over 160 steps wide for a comparison of a
    /// coordinate with a constant, and stays several steps wide as long as the slope of Left − Right is
    /// below ~100 relative to the scale of its two sides, which the domains ensure; a test checks,
    /// point by point, that x − h, x and x + h are on the same side of every boundary and take the same
    /// branches. The margin only removes a thin slab around each boundary, so the pieces stay covered
    /// up to their ends.
    /// </para>
    /// <para>
    /// Boundaries keep points from straddling; <see cref="Branch"/>es say which ways through the
    /// function exist, and a test checks that the sampled points take every one of them at least once:
    /// the domains deliberately extend over both sides of every boundary.
    /// </para>
    /// </remarks>
    public sealed class Domain
    {
        /// <summary>The relative distance a sampled point keeps from every declared boundary.</summary>
        public const double BoundaryMargin = 1e-3;

        private readonly Coord[] _coords;
        private readonly Func<double[], bool>? _accept;
        private readonly Boundary[] _boundaries;
        private readonly Branch[] _branches;

        public Domain(Coord[] coords, Func<double[], bool>? accept)
            : this(coords, accept, [], [])
        {
        }

        private Domain(Coord[] coords, Func<double[], bool>? accept, Boundary[] boundaries, Branch[] branches)
        {
            _coords = coords;
            _accept = accept;
            _boundaries = boundaries;
            _branches = branches;
        }

        public int Dimension => _coords.Length;

        /// <summary>
        /// True when a coordinate sits exactly on the value its draw pins (x == 0 of sin(x)/x): the function takes a branch
        /// there that no neighbour takes, so differences across the point say nothing about its derivatives.
        /// </summary>
        public bool IsPinned(double[] p) => _coords.Select((c, i) => c.Kind == CoordKind.UniformOrExactly && p[i] == c.At).Any(pinned => pinned);

        /// <summary>The comparisons the points keep clear of.</summary>
        public IReadOnlyList<Boundary> Boundaries => _boundaries;

        /// <summary>The ways through the function the points must take, each at least once.</summary>
        public IReadOnlyList<Branch> Branches => _branches;

        public Domain Where(Func<double[], bool> accept) =>
            new(_coords, _accept is null ? accept : p => _accept(p) && accept(p), _boundaries, _branches);

        /// <summary>Keeps the points <see cref="BoundaryMargin"/> away from where <paramref name="left"/> equals <paramref name="right"/>.</summary>
        public Domain AwayFrom(Func<double[], double> left, Func<double[], double> right) =>
            new(_coords, _accept, [.. _boundaries, new Boundary(left, right)], _branches);

        /// <summary>Keeps coordinate <paramref name="coordinate"/> <see cref="BoundaryMargin"/> away from each of <paramref name="values"/>.</summary>
        public Domain AwayFrom(int coordinate, params double[] values) =>
            values.Aggregate(this, (d, v) => d.AwayFrom(p => p[coordinate], _ => v));

        /// <summary>Declares one way through the function, taken where <paramref name="taken"/> holds.</summary>
        public Domain Branch(string name, Func<double[], bool> taken) =>
            new(_coords, _accept, _boundaries, [.. _branches, new Branch(name, taken)]);

        /// <summary>Inside the box's predicate and clear of every boundary.</summary>
        public bool Accepts(double[] p) =>
            (_accept is null || _accept(p)) && _boundaries.All(b => b.Gap(p) > BoundaryMargin);

        public double[] Draw(SplitMix64 rng)
        {
            for (int attempt = 0; attempt < 100_000; attempt++)
            {
                double[] p = _coords.Select(c => c.Draw(rng)).ToArray();
                if (Accepts(p))
                {
                    return p;
                }
            }

            throw new InvalidOperationException("The domain's predicate rejects almost every point.");
        }
    }
}
