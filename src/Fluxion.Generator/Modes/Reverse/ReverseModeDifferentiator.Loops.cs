using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Generator.Model;
using static Fluxion.Generator.Model.ExprTree;

namespace Fluxion.Generator.Modes.Reverse
{
    /// <summary>Loops: the variables they carry, the tape those are kept on, the replay of their iterations last to first.</summary>
    internal sealed partial class ReverseModeDifferentiator
    {
        /// <summary>
        /// Adds a loop. A variable the body assigns that exists before the loop carries its value from one iteration
        /// to the next: it becomes one mutable variable (named like its version before the loop), which the backward
        /// sweep rewinds iteration by iteration. Inside one iteration the body is in
        /// single-assignment form like any straight-line code. Which carried variables are active can grow from one
        /// iteration to the next, so the body is walked again until that is stable.
        /// </summary>
        private void AddLoop(Loop loop)
        {
            var carried = AssignedSources(loop.Body).Where(currentVersion.ContainsKey).Distinct().ToList();
            var variables = carried.ToDictionary(source => source, source => currentVersion[source], StringComparer.Ordinal);
            loopVariables.UnionWith(variables.Values);
            List<Step> outer = steps;
            var before = new Dictionary<string, string>(currentVersion, StringComparer.Ordinal);
            NameAllocator.State namesBefore = names.Save();
            var ownNamesBefore = new HashSet<string>(ownNameFree, StringComparer.Ordinal);
            var activeAtStart = new HashSet<string>(carried.Where(source => activeNames.Contains(variables[source])), StringComparer.Ordinal);
            while (true)
            {
                steps = new List<Step>();
                // The condition needs no derivative: a [Differentiable] call in it is called for its value.
                Expr condition = ExprTree.CalledForValue(Lower(Rename(loop.Condition), isRoot: true, valueNeeded: false, mayHoist: false));
                Walk(loop.Body);
                // A throw in the body ends the iteration it runs in; the loop may run no iteration at all.
                pathEnded = false;
                List<Step> body = steps;
                var exits = carried.ToDictionary(source => source, source => currentVersion[source], StringComparer.Ordinal);
                currentVersion.Clear();
                foreach (var pair in before)
                {
                    currentVersion[pair.Key] = pair.Value;
                }

                // An inner loop that carries the same variable may have made it active halfway through this walk.
                var newlyActive = carried
                    .Where(source => (activeNames.Contains(exits[source]) || activeNames.Contains(variables[source])) && !activeAtStart.Contains(source))
                    .ToList();
                if (newlyActive.Count > 0)
                {
                    activeNames.UnionWith(newlyActive.Select(source => variables[source]));
                    activeAtStart.UnionWith(newlyActive);
                    names.Restore(namesBefore);
                    ownNameFree.Clear();
                    ownNameFree.UnionWith(ownNamesBefore);
                    continue;
                }

                steps = outer;
                var carriedValues = carried
                    .Select(source => new Carried(variables[source], sourceTypes[source], exits[source], activeNames.Contains(variables[source])))
                    .ToList();
                steps.Add(new LoopStep(condition, loop.TestsFirst, body, carriedValues, names.Allocate("iterations"), names.Allocate("iteration")));
                return;
            }
        }

        private string TapeFor(ScalarType type)
        {
            if (!tapes.TryGetValue(type, out string? tape))
            {
                tape = names.Allocate(type == ScalarType.Double ? "tape" : type.Keyword() + "Tape");
                tapes[type] = tape;
            }

            return tape;
        }

        /// <summary>The source variables a block assigns, at any depth.</summary>
        private static IEnumerable<string> AssignedSources(EquatableArray<Statement> block) =>
            StatementTree.AllStatements(block).OfType<Assignment>().Select(assignment => assignment.Target);

        /// <summary>
        /// The backward sweep of a loop: as many iterations as the forward sweep ran, last first. Each takes back what
        /// its iteration saved (or rebuilds it, where that is cheaper than keeping it) and pushes the adjoints through
        /// the body; the adjoint of a carried variable at the end of the iteration is what its adjoint was, and becomes
        /// the adjoint at its start.
        /// </summary>
        private void ReverseLoop(LoopStep loop)
        {
            DeclareOutsideAdjoints(DefinedNames(loop.Body), ReadNames(loop.Body).Concat(loop.Carried.Where(c => c.IsActive).Select(c => c.Variable)));
            List<CodeStatement> outer = backward;
            backward = new List<CodeStatement>();
            foreach (Carried value in loop.Carried.Where(c => c.IsActive && c.Exit != c.Variable))
            {
                // The adjoint so far belongs to the value at the end of the iteration; the start's is summed anew.
                string carriedAdjoint = adjoints[value.Variable];
                if (activeNames.Contains(value.Exit))
                {
                    string exitAdjoint = names.Allocate(value.Exit + "_adj");
                    backward.Add(new Declare(exitAdjoint, ScalarType.Double, new Variable(carriedAdjoint, ScalarType.Double)));
                    adjoints[value.Exit] = exitAdjoint;
                }

                backward.Add(new Assign(carriedAdjoint, Constant.Zero));
            }

            Reverse(loop.Body);
            List<CodeStatement> adjointCode = backward;
            backward = outer;
            List<CodeStatement> replay = RestoreIteration(loop, adjointCode);
            replay.AddRange(adjointCode);
            backward.Add(new ReplayStatement(loop.Counter, loop.Iteration, replay.ToEquatableArray()));
        }

        /// <summary>
        /// Decides how the replay of an iteration gets back the values its adjoint code reads, and records on the loop
        /// what the forward sweep must save. A counter stepped by a constant is stepped back; a value that is a few
        /// arithmetic operations on values at hand is computed again; everything else (calls, Math functions, values
        /// from inside branches, what inner loops leave behind, the loop's own variables) is pushed at the end of
        /// each iteration and popped at the start of its replay, so an iteration never runs twice.
        /// </summary>
        /// <returns>The statements that start each replayed iteration.</returns>
        private List<CodeStatement> RestoreIteration(LoopStep loop, List<CodeStatement> adjointCode)
        {
            var needed = new HashSet<string>(adjointCode.SelectMany(CodeTree.ReadVariables), StringComparer.Ordinal);
            var innerLoopVariables = new HashSet<string>(InnerLoopVariables(loop.Body), StringComparer.Ordinal);
            var recomputed = new List<Definition>();
            var exitsRestored = new List<Definition>();
            var saved = new List<(string Name, ScalarType Type)>();
            (Dictionary<string, Expr> exits, Dictionary<string, Expr> tripCounts) = InnerCounters(loop, innerLoopVariables);
            List<(string Name, ScalarType Type, Definition? TopLevel)> values = IterationValues(loop.Body).ToList();
            for (int i = values.Count - 1; i >= 0; i--)
            {
                (string name, ScalarType type, Definition? definition) = values[i];
                if (!needed.Contains(name))
                {
                    continue;
                }

                if (definition is not null && exits.TryGetValue(name, out Expr? exit))
                {
                    // Read from the inner loop's count, so set after every count (at the end of the restore).
                    exitsRestored.Insert(0, definition with { Value = exit });
                    needed.UnionWith(VariablesOf(exit));
                }
                else if (tripCounts.TryGetValue(name, out Expr? count))
                {
                    recomputed.Insert(0, new Definition(name, ScalarType.Int32, count, IsActive: false));
                    needed.UnionWith(VariablesOf(count));
                }
                else if (definition is not null && CanRecompute(definition, innerLoopVariables))
                {
                    recomputed.Insert(0, definition);
                    needed.UnionWith(VariablesOf(definition.Value));
                }
                else
                {
                    saved.Insert(0, (name, type));
                }
            }

            // A loop variable is saved even when this iteration does not read it: what runs before the loop may.
            // The simplification stage drops the pushes and pops of values nothing reads.
            var steppedBack = new List<CodeStatement>();
            foreach (Carried value in loop.Carried)
            {
                if (StepOf(loop, value, innerLoopVariables) is { } step)
                {
                    steppedBack.Add(new Assign(value.Variable, step with { Operator = step.Operator == BinaryOperator.Add ? BinaryOperator.Subtract
                        : BinaryOperator.Add }));
                }
                else
                {
                    saved.Add((value.Variable, value.Type));
                }
            }

            loop.Saved.AddRange(saved);
            var carriedNames = new HashSet<string>(loop.Carried.Select(c => c.Variable), StringComparer.Ordinal);
            var restore = new List<CodeStatement>();
            foreach ((string name, ScalarType type) in Enumerable.Reverse(saved))
            {
                var pop = new TapePop(TapeFor(type), type);
                restore.Add(carriedNames.Contains(name) ? new Assign(name, pop) : new Declare(name, type, pop));
            }

            restore.AddRange(steppedBack);
            restore.AddRange(recomputed.Concat(exitsRestored).Select(d => (CodeStatement)new Declare(d.Name, d.Type, d.Value)));
            return restore;
        }

        /// <summary>
        /// What the replay can compute about the inner loops at the top of the body instead of the iteration saving it.
        /// Exits: where an int counter that one inner loop steps by a constant ends, <c>start + count · step</c>, its
        /// start computed again cheaply. Trip counts: how many times <c>for (k = start; k &lt; bound; k++)</c> ran,
        /// <c>start &lt; bound ? bound - start : 0</c>, when nothing in the loop changes the bound.
        /// </summary>
        private (Dictionary<string, Expr> Exits, Dictionary<string, Expr> TripCounts) InnerCounters(LoopStep loop, HashSet<string> innerLoopVariables)
        {
            var exits = new Dictionary<string, Expr>(StringComparer.Ordinal);
            var tripCounts = new Dictionary<string, Expr>(StringComparer.Ordinal);
            var carriedBy = InnerLoopVariables(loop.Body).GroupBy(v => v, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(),
                StringComparer.Ordinal);
            bool IsCheapAndSteady(Expr value) =>
                IsPlainArithmetic(value) && Operations(value) <= MostRecomputedOperations && !VariablesOf(value).Any(innerLoopVariables.Contains);
            foreach (LoopStep inner in loop.Body.OfType<LoopStep>())
            {
                var ownInner = new HashSet<string>(InnerLoopVariables(inner.Body), StringComparer.Ordinal);
                foreach (Carried counter in inner.Carried.Where(c => c.Type == ScalarType.Int32 && carriedBy[c.Variable] == 1))
                {
                    if (StepOf(inner, counter, ownInner) is not { } step
                        || loop.Body.OfType<Definition>().FirstOrDefault(d => d.Name == counter.Variable) is not { } start
                        || !IsCheapAndSteady(start.Value))
                    {
                        continue;
                    }

                    Expr count = new Variable(inner.Counter, ScalarType.Int32);
                    Expr distance = step.Right is IntegerConstant { Value: 1 } ? count : new Binary(BinaryOperator.Multiply, count, step.Right,
                        ScalarType.Int32, step.Overflow);
                    exits[counter.Variable] = start.Value is IntegerConstant { Value: 0 } && step.Operator == BinaryOperator.Add
                        ? distance
                        : step with { Left = start.Value, Right = distance };
                    if (inner.TestsFirst && step is { Operator: BinaryOperator.Add, Right: IntegerConstant { Value: 1 } }
                        && inner.Condition is Binary { Operator: BinaryOperator.Less, Left: Variable tested, Right: var bound }
                            && tested.Name == counter.Variable
                        && IsCheapAndSteady(bound) && !VariablesOf(bound).Any(inner.Carried.Select(c => c.Variable).Contains))
                    {
                        tripCounts[inner.Counter] = TripCount(start.Value, bound, step.Overflow);
                    }
                }
            }

            return (exits, tripCounts);
        }

        /// <summary><c>start &lt; bound ? bound - start : 0</c>, folded when both are constants.</summary>
        private static Expr TripCount(Expr start, Expr bound, OverflowCheck overflow) =>
            start is IntegerConstant first && bound is IntegerConstant last
                ? new IntegerConstant(Math.Max(0, last.Value - first.Value), ScalarType.Int32)
                : new Conditional(
                    new Binary(BinaryOperator.Less, start, bound, ScalarType.Boolean),
                    start is IntegerConstant { Value: 0 } ? bound : new Binary(BinaryOperator.Subtract, bound, start, ScalarType.Int32, overflow),
                    new IntegerConstant(0, ScalarType.Int32),
                    ScalarType.Int32);

        /// <summary>The loops nested in <paramref name="body"/>, at any depth.</summary>
        private static IEnumerable<LoopStep> InnerLoops(List<Step> body) => AllSteps(body).OfType<LoopStep>();

        /// <summary>
        /// The values one iteration defines that outlive their step, in the order they are defined: every definition at
        /// the top of the body, what branches define (declared before them), the outputs of gradient calls, and the
        /// iteration counts of inner loops. Values inside inner loops are their own loops' business.
        /// </summary>
        private IEnumerable<(string Name, ScalarType Type, Definition? TopLevel)> IterationValues(List<Step> body)
        {
            foreach (Step step in body)
            {
                switch (step)
                {
                    case Definition definition:
                        yield return (definition.Name, definition.Type, definition);
                        if (callOutputs.TryGetValue(definition.Name, out EquatableArray<string> outputs))
                        {
                            foreach (string output in outputs.Where(o => o.Length > 0))
                            {
                                yield return (output, ScalarType.Double, null);
                            }
                        }

                        break;
                    case Branch branch:
                        foreach ((string name, ScalarType type) in HoistedNames(branch).Distinct())
                        {
                            yield return (name, type, null);
                        }

                        break;
                    case LoopStep inner:
                        yield return (inner.Counter, ScalarType.Int32, null);
                        break;
                }
            }
        }

        /// <summary>
        /// True when computing a definition again in the replay is cheaper than keeping it: a handful of arithmetic
        /// operations, no call, and nothing an inner loop or another iteration could have changed since.
        /// </summary>
        private bool CanRecompute(Definition definition, HashSet<string> innerLoopVariables) =>
            !innerLoopVariables.Contains(definition.Name)
            && !VariablesOf(definition.Value).Any(innerLoopVariables.Contains)
            && IsPlainArithmetic(definition.Value)
            && Operations(definition.Value) <= MostRecomputedOperations;

        /// <summary>How many operations a value may take for the replay to compute it again rather than keep it.</summary>
        private const int MostRecomputedOperations = 8;

        /// <summary>Arithmetic on values that stay as they are for the whole call (a local array's elements do not, nor a static array's where
        /// the method runs code that could change it).</summary>
        private bool IsPlainArithmetic(Expr expression) => expression switch
        {
            Constant or IntegerConstant or BooleanConstant or Variable or SequenceLength => true,
            ExternalValue external => external.IsReadOnly,
            ElementRead element when IsLocalElement(element) || (staticsMayChange && element.Array.IndexOf('.') >= 0) => false,
            ElementRead or Unary or Binary or NumericConversion or Conditional => Operands(expression).All(IsPlainArithmetic),
            _ => false,
        };

        private static int Operations(Expr expression) => (expression is Variable or Constant or IntegerConstant ? 0 : 1) + Operands(expression)
            .Sum(Operations);

        /// <summary>
        /// The step of a counter the body moves by a constant (<c>i_2 = i + 1</c> at the top of the body, its value at
        /// the end of the iteration), which the replay undoes instead of saving the counter; null for any other variable.
        /// </summary>
        private static Binary? StepOf(LoopStep loop, Carried value, HashSet<string> innerLoopVariables) =>
            value.Type.IsInteger()
            && !innerLoopVariables.Contains(value.Variable)
            && loop.Body.OfType<Definition>().FirstOrDefault(d
                => d.Name == value.Exit) is { Value: Binary { Operator: BinaryOperator.Add or BinaryOperator.Subtract, Left: Variable start,
                Right: IntegerConstant } step }
            && start.Name == value.Variable
                ? step
                : null;

        /// <summary>The variables loops nested in <paramref name="body"/> keep overwriting, at any depth.</summary>
        private static IEnumerable<string> InnerLoopVariables(List<Step> body) => InnerLoops(body).SelectMany(inner => inner.Carried.Select(c => c.Variable));

        /// <param name="Counter">Counts the iterations the forward sweep ran; <paramref name="Iteration"/> counts them down in the backward sweep.</param>
        private sealed record LoopStep(Expr Condition, bool TestsFirst, List<Step> Body, List<Carried> Carried, string Counter, string Iteration) : Step
        {
            /// <summary>What each iteration pushes at its end (before its carried variables move on), in push order; set by the backward sweep.</summary>
            public List<(string Name, ScalarType Type)> Saved { get; } = new List<(string Name, ScalarType Type)>();
        }

        /// <summary>A variable a loop carries from one iteration to the next, and its version at the end of the body.</summary>
        private sealed record Carried(string Variable, ScalarType Type, string Exit, bool IsActive);
    }
}
