using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Generator.Model;
using static Fluxion.Generator.Model.ExprTree;

namespace Fluxion.Generator.Modes.Reverse
{
    /// <summary>Branches: the bool that records the way taken, the merged versions after them, their replay.</summary>
    internal sealed partial class ReverseModeDifferentiator
    {
        /// <summary>
        /// Adds a branch whose two sides <paramref name="whenTrue"/> and <paramref name="whenFalse"/> add their
        /// own steps; every variable whose version differs between the sides gets a merged version after it.
        /// </summary>
        private void AddBranch(Expr condition, Action whenTrue, Action whenFalse)
        {
            string taken = names.Allocate("branch");
            steps.Add(new Definition(taken, ScalarType.Boolean, condition, IsActive: false));
            var before = new Dictionary<string, string>(currentVersion, StringComparer.Ordinal);
            List<Step> outer = steps;

            steps = new List<Step>();
            whenTrue();
            List<Step> trueSteps = steps;
            var afterTrue = new Dictionary<string, string>(currentVersion, StringComparer.Ordinal);
            bool trueThrew = pathEnded;
            pathEnded = false;

            currentVersion.Clear();
            foreach (var pair in before)
            {
                currentVersion[pair.Key] = pair.Value;
            }

            steps = new List<Step>();
            whenFalse();
            List<Step> falseSteps = steps;
            var afterFalse = new Dictionary<string, string>(currentVersion, StringComparer.Ordinal);
            bool falseThrew = pathEnded;
            pathEnded = trueThrew && falseThrew;
            steps = outer;
            if (trueThrew != falseThrew)
            {
                // Only the side that did not throw goes on: its versions are the ones after the branch (declared before it, like all
                // values of a branch), with nothing to merge.
                currentVersion.Clear();
                foreach (var pair in trueThrew ? afterFalse : afterTrue)
                {
                    currentVersion[pair.Key] = pair.Value;
                }

                steps.Add(new Branch(taken, trueSteps, falseSteps, new List<Merge>()));
                return;
            }

            // A variable has a value after the branch when both sides leave it one (C# definite assignment
            // guarantees that of every variable read later, including one declared before without a value).
            var merges = new List<Merge>();
            var renamedOnTrue = new Dictionary<string, string>(StringComparer.Ordinal);
            var mergeTargets = new HashSet<string>(StringComparer.Ordinal);
            var renamedOnFalse = new Dictionary<string, string>(StringComparer.Ordinal);
            currentVersion.Clear();
            foreach (string key in afterTrue.Keys.Concat(afterFalse.Keys).Distinct().ToList())
            {
                bool onTrue = afterTrue.TryGetValue(key, out string? fromTrue);
                bool onFalse = afterFalse.TryGetValue(key, out string? fromFalse);
                // Another variable's merge may have renamed the definition this one comes from (r and the return value).
                fromTrue = fromTrue is not null && renamedOnTrue.TryGetValue(fromTrue, out string? trueName) ? trueName : fromTrue;
                fromFalse = fromFalse is not null && renamedOnFalse.TryGetValue(fromFalse, out string? falseName) ? falseName : fromFalse;
                if (!onTrue || !onFalse)
                {
                    if (key == ReturnSlot)
                    {
                        throw new InvalidOperationException("only one side of a branch returns");
                    }

                    continue;
                }

                if (fromTrue == fromFalse)
                {
                    currentVersion[key] = fromTrue!;
                    continue;
                }

                // Two variables that hold the same values on both sides (a and the return value) share one merge.
                if (merges.FirstOrDefault(m => m.FromTrue == fromTrue && m.FromFalse == fromFalse) is { } shared)
                {
                    currentVersion[key] = shared.Name;
                    continue;
                }

                bool active = activeNames.Contains(fromTrue!) || activeNames.Contains(fromFalse!);
                // A definition becomes the merged variable of one merge at most.
                bool trueDirect = !mergeTargets.Contains(fromTrue!) && CanAssignDirectly(trueSteps, fromTrue!);
                bool falseDirect = !mergeTargets.Contains(fromFalse!) && CanAssignDirectly(falseSteps, fromFalse!);
                string merged = trueDirect ? fromTrue! : falseDirect ? fromFalse! : names.Allocate(key == ReturnSlot ? "result" : key);
                mergeTargets.Add(merged);
                string directTrue = trueDirect ? AssignDirectly(trueSteps, fromTrue!, merged) : fromTrue!;
                string directFalse = falseDirect ? AssignDirectly(falseSteps, fromFalse!, merged) : fromFalse!;
                renamedOnTrue[fromTrue!] = directTrue;
                renamedOnFalse[fromFalse!] = directFalse;
                fromTrue = directTrue;
                fromFalse = directFalse;
                merges.Add(new Merge(merged, sourceTypes[key], fromTrue, fromFalse, active));
                if (active)
                {
                    activeNames.Add(merged);
                }

                currentVersion[key] = merged;
            }

            steps.Add(new Branch(taken, trueSteps, falseSteps, merges));
        }

        /// <summary>
        /// A value defined on one side of a branch only to be merged afterwards is defined as the merged variable
        /// itself (<c>result = …</c> in each branch instead of <c>result_2 = …; result = result_2;</c>).
        /// Returns the name the merge takes from that side.
        /// </summary>
        private static string AssignDirectly(List<Step> side, string incoming, string merged)
        {
            if (!CanAssignDirectly(side, incoming))
            {
                return incoming;
            }

            int index = side.FindIndex(step => step is Definition d && d.Name == incoming);
            side[index] = ((Definition)side[index]) with { Name = merged };
            return merged;
        }

        /// <summary>True when <paramref name="incoming"/> is defined on this side (not by a gradient call) and read by nothing there.</summary>
        private static bool CanAssignDirectly(List<Step> side, string incoming) =>
            side.Any(step => step is Definition { Value: not DifferentiableCall } d && d.Name == incoming) && !ReadNames(side).Contains(incoming)
            && !AllSteps(side).OfType<EffectStep>().SelectMany(effect => effect.Code.Holes.SelectMany(VariablesOf)).Contains(incoming);

        private void ReverseBranch(Branch branch)
        {
            // Adjoints of values from before the branch collect contributions on either side: declare them outside.
            DeclareOutsideAdjoints(
                DefinedNames(branch.WhenTrue).Concat(DefinedNames(branch.WhenFalse)),
                ReadNames(branch.WhenTrue).Concat(ReadNames(branch.WhenFalse)).Concat(branch.Merges.Where(m => m.IsActive).SelectMany(m
                    => new[] { m.FromTrue, m.FromFalse })));

            // An adjoint declared on one side lives in that side's block: the other side and what follows start from
            // the adjoints declared outside (a value defined on one side may also be the branch's merged value).
            List<CodeStatement> outer = backward;
            var outside = new Dictionary<string, string>(adjoints, StringComparer.Ordinal);
            void RestoreOutsideAdjoints()
            {
                adjoints.Clear();
                foreach (var pair in outside)
                {
                    adjoints[pair.Key] = pair.Value;
                }
            }

            EquatableArray<CodeStatement> ReverseSide(List<Step> side, Func<Merge, string> incoming)
            {
                RestoreOutsideAdjoints();
                backward = new List<CodeStatement>();
                foreach (Merge merge in branch.Merges)
                {
                    if (merge.IsActive && incoming(merge) != merge.Name && AdjointOf(merge.Name) is { } adjoint && activeNames.Contains(incoming(merge)))
                    {
                        Contribute(incoming(merge), adjoint);
                    }
                }

                Reverse(side);
                return backward.ToEquatableArray();
            }

            EquatableArray<CodeStatement> whenTrue = ReverseSide(branch.WhenTrue, m => m.FromTrue);
            EquatableArray<CodeStatement> whenFalse = ReverseSide(branch.WhenFalse, m => m.FromFalse);
            RestoreOutsideAdjoints();

            backward = outer;
            if (whenTrue.Count > 0 || whenFalse.Count > 0)
            {
                backward.Add(new IfStatement(new Variable(branch.Taken, ScalarType.Boolean), whenTrue, whenFalse));
            }
        }

        /// <summary>Everything a branch defines, at any depth, with the outputs of gradient calls and the counters of loops in it.</summary>
        private IEnumerable<(string Name, ScalarType Type)> HoistedNames(Branch branch)
        {
            foreach (Step step in branch.WhenTrue.Concat(branch.WhenFalse))
            {
                switch (step)
                {
                    case Definition definition:
                        yield return (definition.Name, definition.Type);
                        if (callOutputs.TryGetValue(definition.Name, out EquatableArray<string> outputs))
                        {
                            foreach (string output in outputs.Where(o => o.Length > 0))
                            {
                                yield return (output, ScalarType.Double);
                            }
                        }

                        break;
                    case Branch inner:
                        foreach (var hoisted in HoistedNames(inner))
                        {
                            yield return hoisted;
                        }

                        break;
                    case LoopStep loop:
                        // Its body's values live in the body; its count is read by the replay outside the branch.
                        yield return (loop.Counter, ScalarType.Int32);
                        break;
                }
            }

            foreach (Merge merge in branch.Merges)
            {
                yield return (merge.Name, merge.Type);
            }
        }

        /// <summary><c>c ? a : b</c> whose value carries a derivative: a branch that computes the side it takes.</summary>
        private Expr LowerChoice(Conditional choice)
        {
            Expr condition = Lower(choice.Condition, isRoot: true, valueNeeded: false);
            string merged = names.Allocate("choice");
            string? fromTrue = null;
            string? fromFalse = null;
            string Side(Expr value)
            {
                if (value is Variable variable)
                {
                    return variable.Name;
                }

                string side = names.Allocate(merged + "_side");
                Define(side, ScalarType.Double, value);
                return side;
            }

            AddBranch(condition, () => fromTrue = Side(choice.WhenTrue), () => fromFalse = Side(choice.WhenFalse));
            var branch = (Branch)steps[steps.Count - 1];
            branch.Merges.Add(new Merge(merged, ScalarType.Double, fromTrue!, fromFalse!, IsActive: true));
            activeNames.Add(merged);
            return new Variable(merged, ScalarType.Double);
        }

        /// <param name="Taken">The bool that records which way the branch went.</param>
        private sealed record Branch(string Taken, List<Step> WhenTrue, List<Step> WhenFalse, List<Merge> Merges) : Step;

        /// <summary>A version chosen by a branch: <paramref name="FromTrue"/> if it went one way, <paramref name="FromFalse"/> if the other.</summary>
        private sealed record Merge(string Name, ScalarType Type, string FromTrue, string FromFalse, bool IsActive);
    }
}
