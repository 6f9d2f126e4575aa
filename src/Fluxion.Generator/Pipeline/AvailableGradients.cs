using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Fluxion.Generator.Model;

namespace Fluxion.Generator.Pipeline
{
    /// <summary>
    /// Which methods of the compilation get a gradient: those that parsed, less those that call (directly or through
    /// others) a <c>[Differentiable]</c> method that does not. A caller of a missing gradient gets FLX0014 at the call
    /// instead of generated code that does not compile.
    /// </summary>
    internal static class AvailableGradients
    {
        /// <summary>A method and the <c>[Differentiable]</c> methods of the same compilation it calls.</summary>
        public sealed record MethodCalls(string Key, EquatableArray<string> Callees);

        public static MethodCalls CallsOf(MethodModel method) =>
            new MethodCalls(method.Key, method.Calls.Select(c => c.CalleeKey).Distinct().ToEquatableArray());

        public static EquatableArray<string> Compute(ImmutableArray<MethodCalls> methods)
        {
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
    }
}
