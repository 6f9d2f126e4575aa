using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Generator.Model;
using Fluxion.Generator.Rules;
using static Fluxion.Generator.Model.ExprTree;

namespace Fluxion.Generator.Modes.Reverse
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
    internal sealed partial class ReverseModeDifferentiator
    {
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

        /// <summary>True once the block being walked has thrown: nothing after it runs, so its versions merge with nothing.</summary>
        private bool pathEnded;

        /// <summary>Variables a loop keeps overwriting: their version before the loop, reused as the loop's variable.</summary>
        private readonly HashSet<string> loopVariables = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>One tape per type of value that loops keep for the backward sweep.</summary>
        private readonly Dictionary<ScalarType, string> tapes = new Dictionary<ScalarType, string>();

        /// <summary>Local arrays: name → element type and length (a value at hand wherever the array is).</summary>
        private readonly Dictionary<string, (ScalarType ElementType, Expr Length)> localArrays = new Dictionary<string, (ScalarType,
            Expr)>(StringComparer.Ordinal);

        /// <summary>Local arrays whose elements carry derivatives, fixed for one run: name → the adjoint array.</summary>
        private readonly Dictionary<string, string> arrayAdjoints = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>The pooled storage behind each span of <see cref="arrayAdjoints"/>.</summary>
        private readonly Dictionary<string, string> adjointStorage = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly HashSet<string> activeArrays;

        /// <summary>Local arrays this run found an active value written to, though it treated them as constant.</summary>
        private readonly HashSet<string> newlyActiveArrays = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Definitions that call a <c>[Differentiable]</c> method with arrays: the forward sweep calls the method itself, the backward
        /// sweep its gradient.</summary>
        private readonly HashSet<string> pulledBack = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Local arrays passed whole to a pulled-back call: the backward sweep names them outside their block.</summary>
        private readonly HashSet<string> arraysPassedWhole = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>
        /// True when the method runs code of its own between its reads (an effect, a call that is not a Math function): a static array's
        /// elements may change then, so each read is kept where the source reads it instead of read again by the backward sweep.
        /// </summary>
        private readonly bool staticsMayChange;

        private ReverseModeDifferentiator(MethodModel method, HashSet<string> activeArrays)
        {
            this.method = method;
            this.activeArrays = activeArrays;
            List<Statement> all = StatementTree.AllStatements(method.Body);
            staticsMayChange = all.Any(statement => statement is Effect)
                || all.SelectMany(StatementTree.ExpressionsOf).Any(ContainsImpureCall);
        }

        private static bool ContainsImpureCall(Expr expression) =>
            expression is PassiveCall { IsPure: false } or DifferentiableCall || Operands(expression).Any(ContainsImpureCall);

        /// <summary>
        /// Differentiates <paramref name="method"/>. A local array is active when any of its elements is ever given an
        /// active value; reads earlier in the method must know that already, so a run that discovers one starts over.
        /// </summary>
        public static GradientMethod Differentiate(MethodModel method)
        {
            var activeArrays = new HashSet<string>(StringComparer.Ordinal);
            if (method.Output is { } output)
            {
                // The outputs' adjoints are the cotangent: active from the start.
                activeArrays.Add(output);
            }

            while (true)
            {
                var differentiator = new ReverseModeDifferentiator(method, activeArrays);
                GradientMethod gradient = differentiator.Run();
                if (differentiator.newlyActiveArrays.Count == 0)
                {
                    return gradient;
                }

                activeArrays.UnionWith(differentiator.newlyActiveArrays);
            }
        }

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

            if (method.Output is { } output)
            {
                // The output span is written and read like a local array the caller made: its elements' adjoints start as the cotangent.
                names.TryReserve(GeneratedNames.Cotangent);
                localArrays[output] = (ScalarType.Double, new SequenceLength(output));
                arrayAdjoints[output] = names.Allocate(output + "_adj");
                adjointStorage[output] = names.Allocate(output + "_adj_storage");
            }

            // Declared locals keep their own names for their first value where no parameter or output has it.
            ReserveDeclaredNames(method.Body);
            sourceTypes[ReturnSlot] = ScalarType.Double;
            List<Step> body = steps;
            Walk(method.Body);
            if (method.Output is { } seededOutput)
            {
                SeedOutputs(seededOutput);
            }
            else
            {
                SeedReturnedValue();
            }

            Reverse(body);
            if (method.Output is { } released)
            {
                backward.Add(new AdjointArrayRelease(adjointStorage[released]));
            }

            // A sequence's gradient was written element by element into its span.
            foreach (ParameterModel parameter in method.Parameters.Where(p => p.IsDifferentiable && p.Sequence is null))
            {
                Expr gradient = adjoints.TryGetValue(parameter.Name, out string? adjoint) ? new Variable(adjoint, ScalarType.Double) : Constant.Zero;
                backward.Add(new Assign(parameter.OutputName, gradient));
            }

            backward.AddRange(tapes.Values.Select(tape => (CodeStatement)new TapeRelease(tape)));
            if (returned is not null)
            {
                backward.Add(new ReturnValue(new Variable(returned, ScalarType.Double)));
            }

            var forward = new List<CodeStatement>();
            EmitForward(body, forward, insideBranch: false);
            forward.InsertRange(0, tapes.Select(tape => (CodeStatement)new TapeDeclaration(tape.Value, tape.Key)));
            return new GradientMethod(method, forward.ToEquatableArray(), backward.ToEquatableArray());
        }

        /// <summary>The seed of a method that returns its value: the returned value's adjoint is 1.</summary>
        private void SeedReturnedValue()
        {
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

            // Nothing after the returned definition reaches the result, so its seed needs no local; a returned
            // parameter gets one like any other contribution.
            if (activeNames.Contains(returned) && method.Parameters.Any(p => p.Name == returned))
            {
                Contribute(returned, Constant.One);
            }
        }

        /// <summary>The seed of a vector-valued method: its outputs' adjoints are the cotangent's weights.</summary>
        private void SeedOutputs(string output)
        {
            Expr length = new SequenceLength(output);
            backward.Add(new AdjointArrayDeclaration(arrayAdjoints[output], adjointStorage[output], length));
            backward.Add(new AccumulateScaled(arrayAdjoints[output], GeneratedNames.Cotangent, Constant.One, length, names.Allocate("i")));
        }

        private void ReserveDeclaredNames(EquatableArray<Statement> statements)
        {
            foreach (Statement statement in StatementTree.AllStatements(statements))
            {
                switch (statement)
                {
                    case Assignment { Declares: true } declaration when names.TryReserve(declaration.Target):
                        ownNameFree.Add(declaration.Target);
                        break;
                    case ArrayDeclaration array:
                        names.TryReserve(array.Name);
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
                        // A local's first real value takes its own name (the zero of `double y;` leaves it free).
                        string version = assignment.IsPlaceholder ? names.Allocate(assignment.Target + "_unset")
                            : ownNameFree.Remove(assignment.Target) ? assignment.Target
                            : names.Allocate(assignment.Target);
                        Define(version, assignment.TargetType, Rename(assignment.Value));
                        currentVersion[assignment.Target] = version;
                        sourceTypes[assignment.Target] = assignment.TargetType;
                        break;
                    case Return { Value: null }:
                        // A vector-valued method's return only ends it: its outputs are in its span.
                        break;
                    case Return { Value: { } returnedValue }:
                        Expr value = Rename(returnedValue);
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
                        // (A [Differentiable] call left inside, right of && or ||, is called for its value.)
                        Expr condition = ExprTree.CalledForValue(Lower(Rename(branch.Condition), isRoot: true, valueNeeded: false));
                        AddBranch(condition, () => Walk(branch.Then), () => Walk(branch.Else));
                        break;
                    case Loop loop:
                        AddLoop(loop);
                        break;
                    case ArrayDeclaration array:
                        // The length is kept in a variable of its own: the one it came from may change later (n--).
                        // An adjoint array's length is an int: a length of another integer type is converted, checked.
                        Expr length = Lower(Rename(AdjointIndex(array.Length)), isRoot: true, valueNeeded: false);
                        if (length is not IntegerConstant)
                        {
                            string lengthName = names.Allocate(array.Name + "Length");
                            Define(lengthName, ScalarType.Int32, length);
                            length = new Variable(lengthName, ScalarType.Int32);
                        }

                        localArrays[array.Name] = (array.ElementType, length);
                        if (activeArrays.Contains(array.Name))
                        {
                            arrayAdjoints[array.Name] = names.Allocate(array.Name + "_adj");
                            adjointStorage[array.Name] = names.Allocate(array.Name + "_adj_storage");
                        }

                        steps.Add(new ArrayStep(array.Name, array.ElementType, length));
                        break;
                    case ElementAssignment write:
                        AddElementWrite(write);
                        break;
                    case Effect effect:
                        steps.Add(new EffectStep(effect.Code.WithHoles(Rename)));
                        pathEnded |= effect.Code.Throws;
                        break;
                }
            }
        }

        /// <summary>
        /// <c>a[i] = v</c>: the value becomes a definition of its own (unless it is a variable or constant already), so
        /// the backward sweep can hand it the adjoint the element had.
        /// </summary>
        private void AddElementWrite(ElementAssignment write)
        {
            Expr renamedIndex = Rename(write.Index);
            Expr index = Lower(renamedIndex, isRoot: !ContainsLocalElement(renamedIndex), valueNeeded: false);
            Expr value = Lower(Rename(write.Value), isRoot: true, valueNeeded: false);
            if (!IsLeaf(value) || IsLocalElement(value))
            {
                string temporary = names.Allocate(NameHints.For(value));
                Define(temporary, write.ElementType, value);
                value = new Variable(temporary, write.ElementType);
            }

            if (IsActive(value) && !activeArrays.Contains(write.Array))
            {
                newlyActiveArrays.Add(write.Array);
            }

            steps.Add(new ElementWriteStep(write.Array, index, value));
        }

        private bool IsLocalElement(Expr expression) => expression is ElementRead read && localArrays.ContainsKey(read.Array);

        private bool ContainsLocalElement(Expr expression) => IsLocalElement(expression) || Operands(expression).Any(ContainsLocalElement);

        /// <summary>Declares, as zero, the adjoints of values from outside a block that the block will add to.</summary>
        private void DeclareOutsideAdjoints(IEnumerable<string> definedInside, IEnumerable<string> read)
        {
            var inside = new HashSet<string>(definedInside, StringComparer.Ordinal);
            foreach (string name in read.Where(name => activeNames.Contains(name) && !inside.Contains(name) && !adjoints.ContainsKey(name)
                && !IsSeed(name)).Distinct().ToList())
            {
                string adjoint = names.Allocate(name + "_adj");
                adjoints[name] = adjoint;
                backward.Add(new Declare(adjoint, ScalarType.Double, Constant.Zero));
            }
        }

        /// <summary>The backward sweep of a block: its steps in reverse, each pushing its adjoint into what it read.</summary>
        private void Reverse(List<Step> block)
        {
            // The adjoints of a local array's elements exist from where the backward sweep of its block starts.
            foreach (ArrayStep array in block.OfType<ArrayStep>().Where(a => arrayAdjoints.ContainsKey(a.Name)))
            {
                backward.Add(new AdjointArrayDeclaration(arrayAdjoints[array.Name], adjointStorage[array.Name], array.Length));
            }

            for (int i = block.Count - 1; i >= 0; i--)
            {
                switch (block[i])
                {
                    case ArrayStep array when adjointStorage.TryGetValue(array.Name, out string? storage):
                        backward.Add(new AdjointArrayRelease(storage));
                        break;
                    case ElementWriteStep write when arrayAdjoints.TryGetValue(write.Array, out string? arrayAdjoint):
                        // The element's adjoint so far belongs to the value written; the element's earlier value gets none from it.
                        string elementAdjoint = names.Allocate(write.Array + "_element_adj");
                        backward.Add(new Declare(elementAdjoint, ScalarType.Double, new ElementRead(arrayAdjoint, AdjointIndex(write.Index),
                            ScalarType.Double)));
                        backward.Add(new ElementAssign(arrayAdjoint, AdjointIndex(write.Index), Constant.Zero));
                        if (IsActive(write.Value))
                        {
                            Propagate(write.Value, new Variable(elementAdjoint, ScalarType.Double), new Definition(elementAdjoint, ScalarType.Double,
                                write.Value, IsActive: true));
                        }

                        break;
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

        private Expr? AdjointOf(string name) =>
            IsSeed(name) ? Constant.One
            : adjoints.TryGetValue(name, out string? local) ? new Variable(local, ScalarType.Double)
            : null;

        /// <summary>
        /// Writes the forward sweep. Values computed inside a branch are declared before the outermost branch
        /// (initialised, so the compiler sees them assigned) because the backward sweep reads them outside it.
        /// A loop counts its iterations and, at the end of each, pushes what its replay takes back.
        /// </summary>
        private void EmitForward(List<Step> block, List<CodeStatement> output, bool insideBranch)
        {
            foreach (Step step in block)
            {
                switch (step)
                {
                    case Definition definition when insideBranch:
                        output.Add(new Assign(definition.Name, ForwardValue(definition, declaresOutputs: false)));
                        break;
                    case Definition definition:
                        output.Add(new Declare(definition.Name, definition.Type, ForwardValue(definition, declaresOutputs: true)));
                        break;
                    case Branch branch:
                        if (!insideBranch)
                        {
                            foreach ((string name, ScalarType type) in HoistedNames(branch).Distinct().ToList())
                            {
                                output.Add(new Declare(name, type, ZeroOf(type)));
                            }

                            output.AddRange(ArraysIn(branch).Where(a => arraysPassedWhole.Contains(a.Name)).Select(a
                                => (CodeStatement)new DeclareArrayAhead(a.Name, a.ElementType)));
                        }

                        var whenTrue = new List<CodeStatement>();
                        EmitForward(branch.WhenTrue, whenTrue, insideBranch: true);
                        whenTrue.AddRange(branch.Merges.Where(m => m.FromTrue != m.Name).Select(m => (CodeStatement)new Assign(m.Name,
                            new Variable(m.FromTrue, m.Type))));
                        var whenFalse = new List<CodeStatement>();
                        EmitForward(branch.WhenFalse, whenFalse, insideBranch: true);
                        whenFalse.AddRange(branch.Merges.Where(m => m.FromFalse != m.Name).Select(m => (CodeStatement)new Assign(m.Name,
                            new Variable(m.FromFalse, m.Type))));
                        output.Add(new IfStatement(new Variable(branch.Taken, ScalarType.Boolean), whenTrue.ToEquatableArray(), whenFalse.ToEquatableArray()));
                        break;
                    case ArrayStep array:
                        output.Add(new DeclareArray(array.Name, array.ElementType, array.Length, Declares: !(insideBranch
                            && arraysPassedWhole.Contains(array.Name))));
                        break;
                    case ElementWriteStep write:
                        output.Add(new ElementAssign(write.Array, write.Index, write.Value));
                        break;
                    case EffectStep effect:
                        output.Add(new RunEffect(effect.Code));
                        break;
                    case LoopStep loop:
                        var zero = new IntegerConstant(0, ScalarType.Int32);
                        output.Add(insideBranch ? new Assign(loop.Counter, zero) : new Declare(loop.Counter, ScalarType.Int32, zero));
                        var iteration = new List<CodeStatement>();
                        EmitForward(loop.Body, iteration, insideBranch: false);
                        iteration.AddRange(loop.Saved.Select(value => (CodeStatement)new PushStatement(TapeFor(value.Type), new Variable(value.Name,
                            value.Type))));
                        iteration.AddRange(loop.Carried.Where(c => c.Exit != c.Variable).Select(c => (CodeStatement)new Assign(c.Variable,
                            new Variable(c.Exit, c.Type))));
                        iteration.Add(new Assign(loop.Counter, new Binary(BinaryOperator.Add, new Variable(loop.Counter, ScalarType.Int32),
                            new IntegerConstant(1, ScalarType.Int32), ScalarType.Int32)));
                        output.Add(new LoopStatement(loop.Condition, iteration.ToEquatableArray(), loop.TestsFirst));
                        break;
                }
            }
        }

        /// <summary>The arrays a branch creates, in nested branches too but not in loops (whose arrays are new each iteration).</summary>
        private static IEnumerable<ArrayStep> ArraysIn(Branch branch) =>
            branch.WhenTrue.Concat(branch.WhenFalse).SelectMany(step => step switch
            {
                ArrayStep array => new[] { array },
                Branch inner => ArraysIn(inner),
                _ => Enumerable.Empty<ArrayStep>(),
            });

        private static Expr ZeroOf(ScalarType type) => type switch
        {
            ScalarType.Double => Constant.Zero,
            ScalarType.Boolean => new BooleanConstant(false),
            _ => new IntegerConstant(0, type),
        };

        private static IEnumerable<string> DefinedNames(List<Step> block) => AllSteps(block).SelectMany(step => step switch
        {
            Definition definition => new[] { definition.Name },
            Branch branch => branch.Merges.Select(m => m.Name),
            _ => Enumerable.Empty<string>(),
        });

        /// <summary>The names a block reads for its derivatives (effects read values, but need no adjoints).</summary>
        private static IEnumerable<string> ReadNames(List<Step> block) => AllSteps(block).SelectMany(step => step switch
        {
            Definition definition => VariablesOf(definition.Value),
            Branch branch => branch.Merges.SelectMany(m => new[] { m.FromTrue, m.FromFalse }),
            LoopStep loop => VariablesOf(loop.Condition).Concat(loop.Carried.SelectMany(c => new[] { c.Variable, c.Exit })),
            ArrayStep array => VariablesOf(array.Length),
            ElementWriteStep write => VariablesOf(write.Index).Concat(VariablesOf(write.Value)),
            _ => Enumerable.Empty<string>(),
        });

        /// <summary>The steps of a block and of the branches and loops in it, as one flat list (linear for deep nesting).</summary>
        private static List<Step> AllSteps(List<Step> block)
        {
            var all = new List<Step>();
            void Add(List<Step> steps)
            {
                foreach (Step step in steps)
                {
                    all.Add(step);
                    switch (step)
                    {
                        case Branch branch:
                            Add(branch.WhenTrue);
                            Add(branch.WhenFalse);
                            break;
                        case LoopStep loop:
                            Add(loop.Body);
                            break;
                    }
                }
            }

            Add(block);
            return all;
        }
    }
}
