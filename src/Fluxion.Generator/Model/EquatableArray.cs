using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace Fluxion.Generator.Model
{
    /// <summary>An immutable array with value equality, so pipeline models compare by content.</summary>
    internal readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
        where T : IEquatable<T>
    {
        public static readonly EquatableArray<T> Empty = new EquatableArray<T>(ImmutableArray<T>.Empty);

        private readonly ImmutableArray<T> items;

        public EquatableArray(ImmutableArray<T> items) => this.items = items;

        public ImmutableArray<T> AsImmutableArray() => items.IsDefault ? ImmutableArray<T>.Empty : items;

        public int Count => AsImmutableArray().Length;

        public T this[int index] => AsImmutableArray()[index];

        public bool Equals(EquatableArray<T> other)
        {
            ImmutableArray<T> left = AsImmutableArray();
            ImmutableArray<T> right = other.AsImmutableArray();
            if (left.Length != right.Length)
            {
                return false;
            }

            for (int i = 0; i < left.Length; i++)
            {
                if (!EqualityComparer<T>.Default.Equals(left[i], right[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

        public override int GetHashCode()
        {
            int hash = 17;
            foreach (T item in AsImmutableArray())
            {
                hash = unchecked((hash * 31) + (item is null ? 0 : EqualityComparer<T>.Default.GetHashCode(item)));
            }

            return hash;
        }

        public ImmutableArray<T>.Enumerator GetEnumerator() => AsImmutableArray().GetEnumerator();

        IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)AsImmutableArray()).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)AsImmutableArray()).GetEnumerator();

        public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

        public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);
    }

    internal static class EquatableArray
    {
        public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items)
            where T : IEquatable<T> => new EquatableArray<T>(ImmutableArray.CreateRange(items));

        public static EquatableArray<T> Create<T>(params T[] items)
            where T : IEquatable<T> => new EquatableArray<T>(ImmutableArray.Create(items));
    }
}
