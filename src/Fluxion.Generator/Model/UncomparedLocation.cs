using System;
using Fluxion.Generator.Diagnostics;

namespace Fluxion.Generator.Model
{
    /// <summary>
    /// Where a method is, for the rare diagnostic of a stage after parsing (an internal failure).
    /// Deliberately left out of equality: otherwise every edit above the method would shift it and
    /// regenerate the method's code. A replayed diagnostic may point at a stale line until the method changes.
    /// </summary>
    internal readonly struct UncomparedLocation : IEquatable<UncomparedLocation>
    {
        public UncomparedLocation(LocationInfo? value) => Value = value;

        public LocationInfo? Value { get; }

        public bool Equals(UncomparedLocation other) => true;

        public override bool Equals(object? obj) => obj is UncomparedLocation;

        public override int GetHashCode() => 0;
    }
}
