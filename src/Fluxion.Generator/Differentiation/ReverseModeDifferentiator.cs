using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Generator.Model;
using Fluxion.Generator.Rules;
using static Fluxion.Generator.Model.ExprTree;

namespace Fluxion.Generator.Differentiation
{
    /// <summary>
    /// The second stage: reverse-mode differentiation of a method's intermediate form.
    /// <para>
    /// The forward sweep is the original computation in single-assignment form: every assignment
    /// gets a variable of its own (so nothing the backward sweep reads is ever overwritten), and an
    /// inner node whose value a derivative needs (an operand of <c>*</c>, the argument of <c>Sin</c>,
    /// a call) is computed once into a temporary. The backward sweep visits the definitions in
    /// reverse and pushes each one's adjoint into its expression with the product, quotient and
    /// chain rules, accumulating every variable's adjoint with <c>+=</c>.
    /// </para>
    /// <para>
    /// A branch keeps the way it went in a <c>bool</c>; the backward sweep replays the same branch.
    /// A variable assigned in a branch gets one more version after it, chosen by the branch (a phi
    /// node, written as an assignment at the end of each branch); the conditional operator is a
    /// branch too when its value carries a derivative.
    /// </para>
    /// </summary>
    internal sealed class ReverseModeDifferentiator
    {
        private static readonly string[] Placeholders = { "$0", "$1", "$2" };
        private const string ResultPlaceholder = "$result";

        /// <summary>The pseudo-variable that holds the returned value, so returns in branches merge like assignments.</summary>
        private const string ReturnSlot = "$return";

        private readonly MethodModel method;
        private readonly NameAllocator names = new NameAllocator();
        private readonly HashSet<string> activeNames = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Array and span parameters that get a gradient: element name → the span that receives it.</summary>
        private readonly Dictionary<string, string> activeSequences = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> currentVersion = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly Dictionary<string, ScalarType> sourceTypes = new Dictionary<string, ScalarType>(StringComparer.Ordinal);
        private readonly Dictionary<string, EquatableArray<string>> callOutputs = new Dictionary<string, EquatableArray<string>>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> adjoints = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly HashSet<string> ownNameFree = new HashSet<string>(StringComparer.Ordinal);
        private List<Step> steps = new List<Step>();
        private List<CodeStatement> backward = new List<CodeStatement>();
        private string? returned;

        /// <summary>Variables a loop keeps overwriting: their version before the loop, reused as the loop's variable.</summary>
        private readonly HashSet<string> loopVariables = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>One tape per type of value that loops keep for the backward sweep.</summary>
        private readonly Dictionary<ScalarType, string> tapes = new Dictionary<ScalarType, string>();

        private ReverseModeDifferentiator(MethodModel method)
        {
            this.method = method;
        }

        public static GradientMethod Differentiate(MethodModel method) => new ReverseModeDifferentiator(method).Run();

        private GradientMethod Run()
        {
            foreach (ParameterModel parameter in method.Parameters)
            {
                names.TryReserve(parameter.Name);
                currentVersion[parameter.Name] = parameter.Name;
                sourceTypes[parameter.Name] = parameter.Type;
                if (parameter.IsDifferentiable)
                {
                    names.TryReserve(parameter.OutputName);
                    if (parameter.Sequence is null)
                    {
                        activeNames.Add(parameter.Name);
                    }
                    else
                    {
                        activeSequences[parameter.Name] = parameter.OutputName;
                    }
                }
            }

            // Declared locals keep their own names for their first value where no parameter or output has it.
            ReserveDeclaredNames(method.Body);
            sourceTypes[ReturnSlot] = ScalarType.Double;
            List<Step> body = steps;
            Walk(method.Body);
            returned = currentVersion.TryGetValue(ReturnSlot, out string? version)
                ? version
                : throw new InvalidOperationException("the method has no return statement");
            if (loopVariables.Contains(returned))
            {
                // The backward sweep rewinds loop variables to their first values: return a copy of the last one.
                string copy = names.Allocate("result");
                Define(copy, ScalarType.Double, new Variable(returned, ScalarType.Double));
                returned = copy;
            }

            // The seed: the returned value's adjoint is 1. Nothing after the returned definition reaches the
            // result, so its seed needs no local; a returned parameter gets one like any other contribution.
            if (activeNames.Contains(returned) && method.Parameters.Any(p => p.Name == returned))
            {
                Contribute(returned, Constant.One);
            }

            Reverse(body);
            // A sequence's gradient was written element by element into its span.
            foreach (ParameterModel parameter in method.Parameters.Where(p => p.IsDifferentiable && p.Sequence is null))
            {
                Expr gradient = adjoints.TryGetValue(parameter.Name, out string? adjoint) ? new Variable(adjoint, ScalarType.Double) : Constant.Zero;
                backward.Add(new Assign(parameter.OutputName, gradient));
            }

            backward.AddRange(tapes.Values.Select(tape => (CodeStatement)new TapeRelease(tape)));
            backward.Add(new ReturnValue(new Variable(returned, ScalarType.Double)));
            var forward = new List<CodeStatement>();
            EmitForward(body, forward, insideBranch: false, taping: true);
            forward.InsertRange(0, tapes.Select(tape => (CodeStatement)new TapeDeclaration(tape.Value, tape.Key)));
            return new GradientMethod(method, forward.ToEquatableArray(), backward.ToEquatableArray());
        }

        private void ReserveDeclaredNames(EquatableArray<Statement> statements)
        {
            foreach (Statement statement in statements)
            {
                switch (statement)
                {
                    case Assignment { Declares: true } declaration when names.TryReserve(declaration.Target):
                        ownNameFree.Add(declaration.Target);
                        break;
                    case If branch:
                        ReserveDeclaredNames(branch.Then);
                        ReserveDeclaredNames(branch.Else);
                        break;
                    case Loop loop:
                        ReserveDeclaredNames(loop.Body);
                        break;
                }
            }
        }

        /// <summary>Turns statements into steps of the current block, renaming every value to its version.</summary>
        private void Walk(EquatableArray<Statement> statements)
        {
            foreach (Statement statement in statements)
            {
                switch (statement)
                {
                    case Assignment assignment:
                        string version = assignment.Declares && ownNameFree.Remove(assignment.Target)
                            ? assignment.Target
                            : names.Allocate(assignment.Target);
                        Define(version, assignment.TargetType, Rename(assignment.Value));
                        currentVersion[assignment.Target] = version;
                        sourceTypes[assignment.Target] = assignment.TargetType;
                        break;
                    case Return ret:
                        Expr value = Rename(ret.Value);
                        if (value is Variable variable)
                        {
                            currentVersion[ReturnSlot] = variable.Name;
                        }
                        else
                        {
                            string result = names.Allocate("result");
                            Define(result, ScalarType.Double, value);
                            currentVersion[ReturnSlot] = result;
                        }

                        break;
                    case If branch:
                        Expr condition = Lower(Rename(branch.Condition), isRoot: true, valueNeeded: false);
                        AddBranch(condition, () => Walk(branch.Then), () => Walk(branch.Else));
                        break;
                    case Loop loop:
                        AddLoop(loop);
                        break;
                }
            }
        }

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

            currentVersion.Clear();
            foreach (var pair in before)
            {
                currentVersion[pair.Key] = pair.Value;
            }

            steps = new List<Step>();
            whenFalse();
            List<Step> falseSteps = steps;
            var afterFalse = new Dictionary<string, string>(currentVersion, StringComparer.Ordinal);
            steps = outer;

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
            side.Any(step => step is Definition { Value: not DifferentiableCall } d && d.Name == incoming) && !ReadNames(side).Contains(incoming);

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
                Expr condition = Lower(Rename(loop.Condition), isRoot: true, valueNeeded: false, mayHoist: false);
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

        /// <summary>Declares, as zero, the adjoints of values from outside a block that the block will add to.</summary>
        private void DeclareOutsideAdjoints(IEnumerable<string> definedInside, IEnumerable<string> read)
        {
            var inside = new HashSet<string>(definedInside, StringComparer.Ordinal);
            foreach (string name in read.Where(name => activeNames.Contains(name) && !inside.Contains(name) && !adjoints.ContainsKey(name) && !IsSeed(name)).Distinct().ToList())
            {
                string adjoint = names.Allocate(name + "_adj");
                adjoints[name] = adjoint;
                backward.Add(new Declare(adjoint, ScalarType.Double, Constant.Zero));
            }
        }

        /// <summary>The backward sweep of a block: its steps in reverse, each pushing its adjoint into what it read.</summary>
        private void Reverse(List<Step> block)
        {
            for (int i = block.Count - 1; i >= 0; i--)
            {
                switch (block[i])
                {
                    case Definition definition when definition.IsActive && AdjointOf(definition.Name) is { } adjoint:
                        Propagate(definition.Value, adjoint, definition);
                        break;
                    case Branch branch:
                        ReverseBranch(branch);
                        break;
                    case LoopStep loop:
                        ReverseLoop(loop);
                        break;
                }
            }
        }

        private void ReverseBranch(Branch branch)
        {
            // Adjoints of values from before the branch collect contributions on either side: declare them outside.
            DeclareOutsideAdjoints(
                DefinedNames(branch.WhenTrue).Concat(DefinedNames(branch.WhenFalse)),
                ReadNames(branch.WhenTrue).Concat(ReadNames(branch.WhenFalse)).Concat(branch.Merges.Where(m => m.IsActive).SelectMany(m => new[] { m.FromTrue, m.FromFalse })));

            List<CodeStatement> outer = backward;
            EquatableArray<CodeStatement> ReverseSide(List<Step> side, Func<Merge, string> incoming)
            {
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
            backward = outer;
            if (whenTrue.Count > 0 || whenFalse.Count > 0)
            {
                backward.Add(new IfStatement(new Variable(branch.Taken, ScalarType.Boolean), whenTrue, whenFalse));
            }
        }

        private Expr? AdjointOf(string name) =>
            IsSeed(name) ? Constant.One
            : adjoints.TryGetValue(name, out string? local) ? new Variable(local, ScalarType.Double)
            : null;

        /// <summary>
        /// Writes the forward sweep. Values computed inside a branch are declared before the outermost branch
        /// (initialised, so the compiler sees them assigned) because the backward sweep reads them outside it.
        /// </summary>
        /// <param name="taping">True when the backward sweep replays this block's loops from the tape (false in a loop body, whose
        /// iterations the backward sweep recomputes one at a time, so its inner loops are taped by that recomputation).</param>
        private void EmitForward(List<Step> block, List<CodeStatement> output, bool insideBranch, bool taping)
        {
            foreach (Step step in block)
            {
                switch (step)
                {
                    case Definition definition when insideBranch:
                        output.Add(new Assign(definition.Name, ForwardValue(definition, declaresOutputs: false, primalOnly: !taping)));
                        break;
                    case Definition definition:
                        output.Add(new Declare(definition.Name, definition.Type, ForwardValue(definition, declaresOutputs: true, primalOnly: !taping)));
                        break;
                    case Branch branch:
                        if (!insideBranch)
                        {
                            foreach ((string name, ScalarType type) in HoistedNames(branch, withCallOutputs: taping).Distinct().ToList())
                            {
                                output.Add(new Declare(name, type, ZeroOf(type)));
                            }
                        }

                        var whenTrue = new List<CodeStatement>();
                        EmitForward(branch.WhenTrue, whenTrue, insideBranch: true, taping);
                        whenTrue.AddRange(branch.Merges.Where(m => m.FromTrue != m.Name).Select(m => (CodeStatement)new Assign(m.Name, new Variable(m.FromTrue, m.Type))));
                        var whenFalse = new List<CodeStatement>();
                        EmitForward(branch.WhenFalse, whenFalse, insideBranch: true, taping);
                        whenFalse.AddRange(branch.Merges.Where(m => m.FromFalse != m.Name).Select(m => (CodeStatement)new Assign(m.Name, new Variable(m.FromFalse, m.Type))));
                        output.Add(new IfStatement(new Variable(branch.Taken, ScalarType.Boolean), whenTrue.ToEquatableArray(), whenFalse.ToEquatableArray()));
                        break;
                    case LoopStep loop:
                        var iteration = new List<CodeStatement>();
                        if (taping)
                        {
                            iteration.AddRange(loop.Carried.Select(c => (CodeStatement)new PushStatement(TapeFor(c.Type), new Variable(c.Variable, c.Type))));
                            var zero = new IntegerConstant(0, ScalarType.Int32);
                            output.Add(insideBranch ? new Assign(loop.Counter, zero) : new Declare(loop.Counter, ScalarType.Int32, zero));
                        }

                        EmitForward(loop.Body, iteration, insideBranch: false, taping: false);
                        iteration.AddRange(loop.Carried.Where(c => c.Exit != c.Variable).Select(c => (CodeStatement)new Assign(c.Variable, new Variable(c.Exit, c.Type))));
                        if (taping)
                        {
                            iteration.Add(new Assign(loop.Counter, new Binary(BinaryOperator.Add, new Variable(loop.Counter, ScalarType.Int32), new IntegerConstant(1, ScalarType.Int32), ScalarType.Int32)));
                        }

                        output.Add(new LoopStatement(loop.Condition, iteration.ToEquatableArray(), loop.TestsFirst));
                        break;
                }
            }
        }

        /// <summary>Everything a branch defines, at any depth, with the outputs of gradient calls made in it.</summary>
        private IEnumerable<(string Name, ScalarType Type)> HoistedNames(Branch branch, bool withCallOutputs)
        {
            foreach (Step step in branch.WhenTrue.Concat(branch.WhenFalse))
            {
                switch (step)
                {
                    case Definition definition:
                        yield return (definition.Name, definition.Type);
                        if (withCallOutputs && callOutputs.TryGetValue(definition.Name, out EquatableArray<string> outputs))
                        {
                            foreach (string output in outputs.Where(o => o.Length > 0))
                            {
                                yield return (output, ScalarType.Double);
                            }
                        }

                        break;
                    case Branch inner:
                        foreach (var hoisted in HoistedNames(inner, withCallOutputs))
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

        private static Expr ZeroOf(ScalarType type) => type switch
        {
            ScalarType.Double => Constant.Zero,
            ScalarType.Boolean => new BooleanConstant(false),
            _ => new IntegerConstant(0, type),
        };

        private static IEnumerable<string> DefinedNames(List<Step> block) => block.SelectMany(step => step switch
        {
            Definition definition => new[] { definition.Name },
            Branch branch => DefinedNames(branch.WhenTrue).Concat(DefinedNames(branch.WhenFalse)).Concat(branch.Merges.Select(m => m.Name)),
            LoopStep loop => DefinedNames(loop.Body),
            _ => Enumerable.Empty<string>(),
        });

        private static IEnumerable<string> ReadNames(List<Step> block) => block.SelectMany(step => step switch
        {
            Definition definition => VariablesOf(definition.Value),
            Branch branch => ReadNames(branch.WhenTrue).Concat(ReadNames(branch.WhenFalse)).Concat(branch.Merges.SelectMany(m => new[] { m.FromTrue, m.FromFalse })),
            LoopStep loop => VariablesOf(loop.Condition).Concat(ReadNames(loop.Body)).Concat(loop.Carried.SelectMany(c => new[] { c.Variable, c.Exit })),
            _ => Enumerable.Empty<string>(),
        });

        private Expr Rename(Expr expression) => Rewrite(expression, e => e is Variable v && currentVersion.TryGetValue(v.Name, out string? version) ? new Variable(version, v.Type) : null);

        private void Define(string name, ScalarType type, Expr value)
        {
            Expr lowered = Lower(value, isRoot: true, valueNeeded: false);
            bool active = IsActive(lowered);
            if (active && lowered is DifferentiableCall call)
            {
                callOutputs[name] = call.Callee.Parameters
                    .Select((p, i) => (Parameter: p, Argument: call.Arguments[i]))
                    .Where(pa => pa.Parameter.IsDifferentiable)
                    // An output nobody reads is discarded with `out _`, unless a variable named _ would take it.
                    .Select(pa => IsActive(pa.Argument) || names.IsTaken("_") ? names.Allocate(name + "_d" + pa.Parameter.Name) : string.Empty)
                    .ToEquatableArray();
            }

            steps.Add(new Definition(name, type, lowered, active));
            if (active)
            {
                activeNames.Add(name);
            }
        }

        /// <summary>
        /// Rebuilds <paramref name="expression"/> bottom-up, moving into temporaries the inner nodes whose
        /// value the backward sweep reads, so that each is computed exactly once.
        /// </summary>
        /// <remarks>
        /// Calls and reads of mutable fields are moved into temporaries too, in evaluation order, so their side
        /// effects happen in the order the source has them; except where C# may skip them (the right side of
        /// <c>&amp;&amp;</c> and <c>||</c>, the sides of a <c>?:</c> that stays inline), where nothing moves.
        /// </remarks>
        private Expr Lower(Expr expression, bool isRoot, bool valueNeeded, bool mayHoist = true)
        {
            bool impure = expression is PassiveCall { IsPure: false } or ExternalValue { IsReadOnly: false } || (expression is DifferentiableCall && IsActive(expression));
            if (IsLeaf(expression) && !(impure && mayHoist && !isRoot))
            {
                return expression;
            }

            if (expression is Conditional choice && IsActive(choice) && mayHoist)
            {
                return LowerChoice(choice);
            }

            (bool[] operandsNeeded, bool resultNeeded) = Needs(expression);
            IReadOnlyList<Expr> operands = Operands(expression);
            var lowered = new Expr[operands.Count];
            for (int i = 0; i < operands.Count; i++)
            {
                bool shortCircuited = (expression is Binary { Operator: BinaryOperator.And or BinaryOperator.Or } && i == 1) || (expression is Conditional && i > 0);
                lowered[i] = Lower(operands[i], isRoot: false, valueNeeded: operandsNeeded[i] && mayHoist && !shortCircuited, mayHoist: mayHoist && !shortCircuited);
            }

            Expr rebuilt = WithOperands(expression, lowered);
            if (!isRoot && mayHoist && (valueNeeded || resultNeeded || impure))
            {
                string temporary = names.Allocate(NameHint(rebuilt));
                Define(temporary, rebuilt.Type, rebuilt);
                return new Variable(temporary, rebuilt.Type);
            }

            return rebuilt;
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

        /// <summary>Which operands, and whether its own result, the partial derivatives of a node read.</summary>
        private (bool[] Operands, bool Result) Needs(Expr expression)
        {
            IReadOnlyList<Expr> operands = Operands(expression);
            var needed = new bool[operands.Count];
            bool result = false;
            switch (expression)
            {
                case Binary { Operator: BinaryOperator.Multiply, Type: ScalarType.Double } multiply:
                    needed[0] = IsActive(multiply.Right);
                    needed[1] = IsActive(multiply.Left);
                    break;
                case Binary { Operator: BinaryOperator.Divide, Type: ScalarType.Double } divide:
                    needed[1] = IsActive(divide.Left) || IsActive(divide.Right);
                    result = IsActive(divide.Right);
                    break;
                case MathCall call:
                    var placeholders = call.Arguments.Select((a, i) => (Expr)new Variable(Placeholders[i], ScalarType.Double)).ToArray();
                    Expr[] partials = MathRules.Partials(call.Function, placeholders, new Variable(ResultPlaceholder, ScalarType.Double));
                    var read = new HashSet<string>(partials.Where((p, i) => IsActive(call.Arguments[i])).SelectMany(VariablesOf));
                    for (int i = 0; i < needed.Length; i++)
                    {
                        needed[i] = read.Contains(Placeholders[i]);
                    }

                    result = read.Contains(ResultPlaceholder);
                    break;
            }

            return (needed, result);
        }

        /// <summary>Pushes the adjoint <paramref name="adjoint"/> of <paramref name="node"/> down to the variables it reads.</summary>
        private void Propagate(Expr node, Expr adjoint, Definition definition)
        {
            if (!IsActive(node))
            {
                return;
            }

            // The node's own value: the definition's variable at the root, else the node itself (never reached for
            // nodes whose rules read their result, since those were moved into temporaries).
            Expr value = ReferenceEquals(node, definition.Value) ? new Variable(definition.Name, ScalarType.Double) : node;
            switch (node)
            {
                case Variable variable:
                    Contribute(variable.Name, adjoint);
                    break;
                case ElementRead element:
                    backward.Add(new ElementAddAssign(activeSequences[element.Array], element.Index, adjoint));
                    break;
                case Unary { Operator: UnaryOperator.Negate } negate:
                    Propagate(negate.Operand, Negate(adjoint), definition);
                    break;
                case Binary { Operator: BinaryOperator.Multiply } square when square.Left.Equals(square.Right):
                    // x * x: one contribution 2·x·adjoint (bit for bit the sum of the two product-rule terms).
                    Propagate(square.Left, Multiply(Multiply(new Constant(2.0), square.Left), adjoint), definition);
                    break;
                case Binary binary:
                    adjoint = ShareIfUsedTwice(adjoint, binary, IsActive(binary.Left) && IsActive(binary.Right));
                    switch (binary.Operator)
                    {
                        case BinaryOperator.Add:
                            Propagate(binary.Left, adjoint, definition);
                            Propagate(binary.Right, adjoint, definition);
                            break;
                        case BinaryOperator.Subtract:
                            Propagate(binary.Left, adjoint, definition);
                            Propagate(binary.Right, Negate(adjoint), definition);
                            break;
                        case BinaryOperator.Multiply:
                            Propagate(binary.Left, Multiply(binary.Right, adjoint), definition);
                            Propagate(binary.Right, Multiply(binary.Left, adjoint), definition);
                            break;
                        case BinaryOperator.Divide:
                            Propagate(binary.Left, Divide(adjoint, binary.Right), definition);
                            Propagate(binary.Right, Multiply(Negate(Divide(value, binary.Right)), adjoint), definition);
                            break;
                        default:
                            throw new InvalidOperationException("no adjoint rule for operator " + binary.Operator);
                    }

                    break;
                case MathCall call:
                    Expr[] partials = MathRules.Partials(call.Function, call.Arguments.AsImmutableArray(), value);
                    var flowing = Enumerable.Range(0, partials.Length).Where(i => IsActive(call.Arguments[i]) && !IsZero(partials[i])).ToList();
                    adjoint = ShareIfUsedTwice(adjoint, call, flowing.Count > 1);
                    foreach (int i in flowing)
                    {
                        Propagate(call.Arguments[i], Multiply(partials[i], adjoint), definition);
                    }

                    break;
                case DifferentiableCall call:
                    EquatableArray<string> outputs = callOutputs[definition.Name];
                    var arguments = call.Callee.Parameters.Select((p, i) => (Parameter: p, Argument: call.Arguments[i])).Where(pa => pa.Parameter.IsDifferentiable).ToList();
                    adjoint = ShareIfUsedTwice(adjoint, call, outputs.Count(o => o.Length > 0) > 1);
                    for (int i = 0; i < arguments.Count; i++)
                    {
                        if (outputs[i].Length > 0)
                        {
                            Propagate(arguments[i].Argument, Multiply(new Variable(outputs[i], ScalarType.Double), adjoint), definition);
                        }
                    }

                    break;
                default:
                    throw new InvalidOperationException("no adjoint rule for " + node.GetType().Name);
            }
        }

        /// <summary>Keeps an adjoint that two operands read in a local, so it is computed once.</summary>
        private Expr ShareIfUsedTwice(Expr adjoint, Expr node, bool usedTwice)
        {
            if (!usedTwice || IsLeaf(adjoint))
            {
                return adjoint;
            }

            string name = names.Allocate(NameHint(node) + "_adj");
            backward.Add(new Declare(name, ScalarType.Double, adjoint));
            return new Variable(name, ScalarType.Double);
        }

        /// <summary>
        /// The returned definition's adjoint is the constant 1: whatever reads it later never reaches the
        /// result, so every other contribution to it is zero and is not written.
        /// </summary>
        private bool IsSeed(string variable) => variable == returned && !method.Parameters.Any(p => p.Name == variable) && !loopVariables.Contains(variable);

        private void Contribute(string variable, Expr contribution)
        {
            if (IsSeed(variable))
            {
                return;
            }

            if (adjoints.TryGetValue(variable, out string? adjoint))
            {
                backward.Add(new AddAssign(adjoint, contribution));
                return;
            }

            adjoint = names.Allocate(variable + "_adj");
            adjoints[variable] = adjoint;
            backward.Add(new Declare(adjoint, ScalarType.Double, contribution));
        }

        /// <param name="primalOnly">True in the first pass over a loop body: the backward sweep recomputes each iteration,
        /// so a call there needs only its value, not its gradient.</param>
        private Expr ForwardValue(Definition definition, bool declaresOutputs, bool primalOnly)
        {
            if (definition.Value is not DifferentiableCall call)
            {
                return definition.Value;
            }

            if (primalOnly)
            {
                return new PassiveCall(call.Callee.QualifiedName, call.Callee.Name, call.Arguments, ScalarType.Double, IsPure: true);
            }

            EquatableArray<string> outputs = callOutputs.TryGetValue(definition.Name, out var named)
                ? named
                : call.Callee.Parameters.Where(p => p.IsDifferentiable).Select(_ => string.Empty).ToEquatableArray();
            return new GradientInvocation(call.Callee.QualifiedGradientName, call.Arguments, outputs, declaresOutputs);
        }

        private bool IsActive(Expr expression) => expression switch
        {
            _ when expression.Type != ScalarType.Double => false,
            Variable variable => activeNames.Contains(variable.Name),
            ElementRead element => activeSequences.ContainsKey(element.Array),
            Constant or ExternalValue or PassiveCall or NumericConversion => false,
            _ => Operands(expression).Any(IsActive),
        };

        private static bool IsLeaf(Expr expression) => expression switch
        {
            Constant or IntegerConstant or BooleanConstant or Variable or SequenceLength => true,
            ElementRead element => IsLeaf(element.Index),
            ExternalValue external => external.IsReadOnly,
            NumericConversion conversion => IsLeaf(conversion.Operand),
            Unary { Operator: UnaryOperator.Negate, Operand: Constant or Variable } => true,
            _ => false,
        };

        private static bool IsZero(Expr expression) => expression is Constant { Value: 0.0 };

        private static string NameHint(Expr expression) => expression switch
        {
            MathCall call => char.ToLowerInvariant(call.Function[0]) + call.Function.Substring(1),
            DifferentiableCall call => CamelCase(call.Callee.Name),
            PassiveCall call => CamelCase(call.Name),
            Binary { Operator: BinaryOperator.Add } => "sum",
            Binary { Operator: BinaryOperator.Subtract } => "difference",
            Binary { Operator: BinaryOperator.Multiply } => "product",
            Binary { Operator: BinaryOperator.Divide } => "quotient",
            Unary => "negated",
            _ => "value",
        };

        private static string CamelCase(string name) => name.Length == 0 ? "value" : char.ToLowerInvariant(name[0]) + name.Substring(1);

        // Adjoint builders that skip multiplying by one, so a seed of 1 does not look like work worth sharing.
        private static Expr Negate(Expr operand) =>
            operand is Constant c ? new Constant(-c.Value) : new Unary(UnaryOperator.Negate, operand, ScalarType.Double);

        private static Expr Multiply(Expr left, Expr right) =>
            left is Constant { Value: 1.0 } ? right
            : right is Constant { Value: 1.0 } ? left
            : left is Constant l && right is Constant r ? new Constant(l.Value * r.Value)
            : new Binary(BinaryOperator.Multiply, left, right, ScalarType.Double);

        private static Expr Divide(Expr left, Expr right) =>
            left is Constant l && right is Constant r ? new Constant(l.Value / r.Value) : new Binary(BinaryOperator.Divide, left, right, ScalarType.Double);

        /// <summary>One step of the forward sweep: a definition, or a branch with its own steps.</summary>
        private abstract record Step;

        private sealed record Definition(string Name, ScalarType Type, Expr Value, bool IsActive) : Step;

        /// <param name="Taken">The bool that records which way the branch went.</param>
        private sealed record Branch(string Taken, List<Step> WhenTrue, List<Step> WhenFalse, List<Merge> Merges) : Step;

        /// <param name="Counter">Counts the iterations the forward sweep ran; <paramref name="Iteration"/> counts them down in the backward sweep.</param>
        private sealed record LoopStep(Expr Condition, bool TestsFirst, List<Step> Body, List<Carried> Carried, string Counter, string Iteration) : Step;

        /// <summary>A variable a loop carries from one iteration to the next, and its version at the end of the body.</summary>
        private sealed record Carried(string Variable, ScalarType Type, string Exit, bool IsActive);

        /// <summary>A version chosen by a branch: <paramref name="FromTrue"/> if it went one way, <paramref name="FromFalse"/> if the other.</summary>
        private sealed record Merge(string Name, ScalarType Type, string FromTrue, string FromFalse, bool IsActive);
    }
}
