using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Fluxion.Generator.Model;

namespace Fluxion.Generator.Pipeline
{
    /// <summary>
    /// Which generated methods the compilation gets, per kind: those generated, less those that call (directly or through
    /// others) a <c>[Differentiable]</c> method that gets none of that kind (it did not parse, or its generation failed), rather than
    /// generated code that does not compile. The generator decides this per kind; the analyzer, with one kind standing for all, decides
    /// where FLX0014 goes.
    /// </summary>
    internal static class AvailableGradients
    {
        /// <summary>A method and the <c>[Differentiable]</c> methods of the same compilation it calls.</summary>
        public sealed record MethodCalls(string Key, EquatableArray<string> Callees);

        /// <summary>
        /// One entry per kind generated for the method (a kind whose generation failed, FLX0015, is not there): the kinds of
        /// each callee it calls (<see cref="DerivativeKindsExtensions.CalleeKinds"/>) are needed too.
        /// </summary>
        public static EquatableArray<MethodCalls> CallsOf(GeneratedGradient gradient) => gradient.Files
            .Where(file => file.Text is not null)
            .SelectMany(file => file.Kind.Each())
            .Select(kind => new MethodCalls(KeyOf(kind, gradient.Key), gradient.Calls
                .SelectMany(c => kind.CalleeKinds().Each().Select(calleeKind => KeyOf(calleeKind, c.CalleeKey))).Distinct().ToEquatableArray()))
            .ToEquatableArray();

        /// <summary>Whether <paramref name="key"/> is in <paramref name="available"/> (which <see cref="Compute"/> sorts): a binary search,
        /// since every method asks for itself and each callee whenever availability changes.</summary>
        public static bool Contains(EquatableArray<string> available, string key) =>
            available.AsImmutableArray().BinarySearch(key, StringComparer.Ordinal) >= 0;

        /// <summary>A method's generated method of one kind, as the availability set names it.</summary>
        public static string KeyOf(DerivativeKinds kind, string methodKey) => kind + ":" + methodKey;

        public static EquatableArray<string> Compute(ImmutableArray<EquatableArray<MethodCalls>> perMethod)
        {
            var methods = perMethod.SelectMany(m => m).ToList();
            var available = new HashSet<string>(methods.Select(m => m.Key), StringComparer.Ordinal);
            bool removed = true;
            while (removed)
            {
                removed = false;
                foreach (MethodCalls method in methods)
                {
                    if (available.Contains(method.Key) && method.Callees.Any(callee => !available.Contains(callee)))
                    {
                        available.Remove(method.Key);
                        removed = true;
                    }
                }
            }

            return available.OrderBy(key => key, StringComparer.Ordinal).ToEquatableArray();
        }

        /// <summary>
        /// The methods (by key, of any kind) whose missing gradients the compiler explains: those it rejects, and those left without a
        /// gradient only because they call such a method. A call of one gets no FLX0014; the compiler's error is the one to fix.
        /// </summary>
        public static EquatableArray<string> Silenced(ImmutableArray<EquatableArray<MethodCalls>> perMethod, EquatableArray<string> available,
            ImmutableArray<string> rejected)
        {
            var silenced = new HashSet<string>(rejected, StringComparer.Ordinal);
            if (silenced.Count == 0)
            {
                return EquatableArray<string>.Empty;
            }

            var missing = perMethod.SelectMany(m => m).Where(m => !Contains(available, m.Key)).ToList();
            bool added = true;
            while (added)
            {
                added = false;
                foreach (MethodCalls method in missing)
                {
                    if (!silenced.Contains(MethodKeyOf(method.Key))
                        && method.Callees.Where(callee => !Contains(available, callee)).All(callee => silenced.Contains(MethodKeyOf(callee))))
                    {
                        silenced.Add(MethodKeyOf(method.Key));
                        added = true;
                    }
                }
            }

            return silenced.OrderBy(key => key, StringComparer.Ordinal).ToEquatableArray();
        }

        /// <summary>The method of a key <see cref="KeyOf"/> made (a kind's name has no colon).</summary>
        public static string MethodKeyOf(string key) => key.Substring(key.IndexOf(':') + 1);
    }
}
