using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Numerics.Tests.Functions;

namespace Fluxion.Numerics.Tests.Harness
{
    /// <summary>Every differentiable function under test, by theme.</summary>
    public static class Catalog
    {
        private static readonly Lazy<IReadOnlyDictionary<string, GradientCase>> Cases = new(() =>
        {
            var all = new IEnumerable<GradientCase>[]
            {
                OperatorCases.All(),
                ElementaryCases.All(),
                CompositionCases.All(),
                ProductAndQuotientCases.All(),
                LocalCases.All(),
                CompoundAssignmentCases.All(),
                ConversionCases.All(),
                LiteralCases.All(),
                FieldCases.All(),
                SubsetCases.All(),
                CrossCallCases.All(),
                DeepCompositionCases.All(),
                PolynomialCases.All(),
                PhysicsCases.All(),
                FinanceCases.All(),
                LogisticNetworkCases.All(),
                EdgeCaseCases.All(),
                ZeroAdjointCases.All(),
                SpellingCases.All(),
                ContainerCases.All(),
                OverwrittenLocalCases.All(),
                OverwrittenInitialiserCases.All(),
                TieCases.All(),
                NestedReturnCases.All(),
                BranchValueCases.All(),
                BoolComparisonCases.All(),
                BranchCases.All(),
                LoopInBranchInLoopCases.All(),
                DoLoopDeclaredLocalCases.All(),
                CallInLoopConditionCases.All(),
                BranchyModelCases.All(),
                BranchEdgeCases.All(),
                LoopCases.All(),
                IterationCases.All(),
                LoopModelCases.All(),
                LoopCarriedValueCases.All(),
                SwitchCases.All(),
                GuardCases.All(),
                CounterCases.All(),
                SuppliedCases.All(),
                DoubleMathCases.All(),
                NamingCases.All(),
            }.SelectMany(c => c).ToList();
            var duplicate = all.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new InvalidOperationException($"{duplicate.Key} is in the catalog twice.");
            }

            return all.ToDictionary(c => c.Name);
        });

        public static IReadOnlyDictionary<string, GradientCase> All => Cases.Value;

        public static GradientCase Get(string name) => All[name];

        public static TheoryData<string> Names(Func<GradientCase, bool>? filter = null)
        {
            var data = new TheoryData<string>();
            foreach (GradientCase c in All.Values.Where(c => filter is null || filter(c)).OrderBy(c => c.Name, StringComparer.Ordinal))
            {
                data.Add(c.Name);
            }

            return data;
        }
    }
}
