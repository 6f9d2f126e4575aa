using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Generator.Model;
using static Fluxion.Generator.Model.ExprTree;

namespace Fluxion.Generator.Differentiation
{
    /// <summary>Loops: the variables they carry, the tape those are kept on, the replay of their iterations last to first.</summary>
    internal sealed partial class ReverseModeDifferentiator
    {
        /// <summary>
        /// Adds a loop. A variable the body assigns that exists before the loop carries its value from one iteration
        /// to the next: it becomes one mutable variable (named like its version before the loop), pushed on a tape at
        /// the top of every iteration so the backward sweep can rewind it. Inside one iteration the body is in
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
            while (true)
            {
                steps = new List<Step>();
                // The condition needs no derivative: a [Differentiable] call in it is called for its value.
                Expr condition = Rewrite(
                    Lower(Rename(loop.Condition), isRoot: true, valueNeeded: false, mayHoist: false),
                    e => e is DifferentiableCall call ? new PassiveCall(call.Callee.QualifiedName, call.Callee.Name, call.Arguments, ScalarType.Double, IsPure: true) : null);
                Walk(loop.Body);
                List<Step> body = steps;
                var exits = carried.ToDictionary(source => source, source => currentVersion[source], StringComparer.Ordinal);
                currentVersion.Clear();
                foreach (var pair in before)
                {
                    currentVersion[pair.Key] = pair.Value;
                }

                var newlyActive = carried.Where(source => activeNames.Contains(exits[source]) && !activeNames.Contains(variables[source])).ToList();
                if (newlyActive.Count > 0)
                {
                    activeNames.UnionWith(newlyActive.Select(source => variables[source]));
                    names.Restore(namesBefore);
                    ownNameFree.Clear();
                    ownNameFree.UnionWith(ownNamesBefore);
                    continue;
                }

                steps = outer;
                var carriedValues = carried
                    .Select(source => new Carried(variables[source], sourceTypes[source], exits[source], activeNames.Contains(variables[source])))
                    .ToList();
                foreach (Carried value in carriedValues)
                {
                    TapeFor(value.Type);
                }

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
        private static IEnumerable<string> AssignedSources(EquatableArray<Statement> block) => block.SelectMany(statement => statement switch
        {
            Assignment assignment => new[] { assignment.Target },
            If branch => AssignedSources(branch.Then).Concat(AssignedSources(branch.Else)),
            Loop loop => AssignedSources(loop.Body),
            _ => Enumerable.Empty<string>(),
        });

        /// <summary>
        /// The backward sweep of a loop: as many iterations as the forward sweep ran, last first. Each pops the values
        /// its iteration started from, recomputes the iteration, and pushes the adjoints through it; the adjoint of a
        /// carried variable at the end of the iteration is what its adjoint was, and becomes the adjoint at its start.
        /// </summary>
        private void ReverseLoop(LoopStep loop)
        {
            DeclareOutsideAdjoints(DefinedNames(loop.Body), ReadNames(loop.Body).Concat(loop.Carried.Where(c => c.IsActive).Select(c => c.Variable)));
            List<CodeStatement> outer = backward;
            backward = new List<CodeStatement>();
            foreach (Carried value in Enumerable.Reverse(loop.Carried))
            {
                backward.Add(new Assign(value.Variable, new TapePop(TapeFor(value.Type), value.Type)));
            }

            EmitForward(loop.Body, backward, insideBranch: false, taping: true);
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
            var replay = new ReplayStatement(loop.Counter, loop.Iteration, backward.ToEquatableArray());
            backward = outer;
            backward.Add(replay);
        }

        /// <param name="Counter">Counts the iterations the forward sweep ran; <paramref name="Iteration"/> counts them down in the backward sweep.</param>
        private sealed record LoopStep(Expr Condition, bool TestsFirst, List<Step> Body, List<Carried> Carried, string Counter, string Iteration) : Step;

        /// <summary>A variable a loop carries from one iteration to the next, and its version at the end of the body.</summary>
        private sealed record Carried(string Variable, ScalarType Type, string Exit, bool IsActive);
    }
}
