using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Generator.Model;
using static Fluxion.Generator.Model.ExprTree;

namespace Fluxion.Generator.Modes.Forward
{
    /// <summary>
    /// Forward mode: the method as written, with the tangent of each value that depends on a differentiated input
    /// computed next to it by the same rules reverse mode uses (<see cref="Rules.RuleRegistry"/>). Branches and loops
    /// keep their shape and run once: no tape, no second sweep. A local array that carries derivatives gets a span of
    /// tangents from the pool; a call of another <c>[Differentiable]</c> method goes through its <c>_Jvp</c>.
    /// </summary>
    internal sealed partial class ForwardModeDifferentiator
    {
        private readonly MethodModel method;
        private readonly NameAllocator names = new NameAllocator();

        /// <summary>Source names → the names printed (a local that takes a generated name, such as <c>dx</c>, is renamed).</summary>
        private readonly Dictionary<string, string> renamed = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>Active variables and arrays (source names) → the name of their tangent.</summary>
        private readonly Dictionary<string, string> tangents = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>Local arrays whose elements carry tangents, with the pooled storage of those (source name → storage).</summary>
        private readonly Dictionary<string, string> tangentStorage = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>The pooled storages of the blocks being walked, innermost last: a return hands back all of them.</summary>
        private readonly List<List<string>> openStorages = new List<List<string>>();

        private readonly HashSet<string> activeVariables = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> activeArrays = new HashSet<string>(StringComparer.Ordinal);

        private List<CodeStatement> block = new List<CodeStatement>();

        /// <summary>The name of a value's tangent (and of a parameter's direction): <c>dx</c> in <c>F_Jvp</c>.</summary>
        private readonly Func<string, string> tangentName;

        /// <summary>
        /// True for <c>F_Jvp</c>: a zero tangent contributes zero through an unbounded partial (√ at 0 behind a Max). False for
        /// the tangent program of second derivatives, which reverse mode differentiates again: a branch on a tangent would cut
        /// the derivative with respect to the direction.
        /// </summary>
        private readonly bool zeroTangentsStayZero;

        private ForwardModeDifferentiator(MethodModel method, Func<string, string> tangentName, bool zeroTangentsStayZero)
        {
            this.zeroTangentsStayZero = zeroTangentsStayZero;
            this.method = method;
            this.tangentName = tangentName;
        }

        /// <summary>The tangent method of <c>F_Jvp</c>: directions and tangents named <c>dx</c>.</summary>
        public static TangentMethod Differentiate(MethodModel method) =>
            new ForwardModeDifferentiator(method, method.DerivativeName, zeroTangentsStayZero: true).Run();

        /// <summary>
        /// The tangent method with directions and tangents named <c>x_dot</c>, so that reverse mode, which names its outputs
        /// <c>dx</c>, can differentiate it again (second derivatives).
        /// </summary>
        public static TangentMethod DifferentiateWithDots(MethodModel method) =>
            new ForwardModeDifferentiator(method, Dotted, zeroTangentsStayZero: false).Run();

        /// <summary>A tangent's name in <see cref="DifferentiateWithDots"/>: <c>x_dot</c>.</summary>
        public static string Dotted(string name) => name + "_dot";

        private TangentMethod Run()
        {
            foreach (ParameterModel parameter in method.Parameters)
            {
                names.TryReserve(parameter.Name);
                renamed[parameter.Name] = parameter.Name;
                if (parameter.IsDifferentiable)
                {
                    names.TryReserve(tangentName(parameter.Name));
                }
            }

            names.TryReserve(GeneratedNames.Derivative);
            foreach (string local in DeclaredNames(method.Body))
            {
                renamed[local] = names.Allocate(local);
            }

            EquatableArray<Statement> body = method.Body.Select(RenameStatement).ToEquatableArray();
            FindActivity(body);
            var top = new List<CodeStatement>();
            foreach (ParameterModel parameter in method.Parameters)
            {
                bool direction = parameter.IsDifferentiable && (parameter.Sequence is not null || parameter.Type == ScalarType.Double);
                if (direction)
                {
                    tangents[parameter.Name] = tangentName(parameter.Name);
                }
                else if (activeVariables.Contains(parameter.Name))
                {
                    // A parameter without a direction that is assigned a differentiated value starts with tangent zero.
                    string tangent = NewTangent(parameter.Name);
                    top.Add(new Declare(tangent, ScalarType.Double, Constant.Zero));
                }
            }

            if (method.Output is { } output)
            {
                // A vector-valued method's outputs are written like a local array's elements; their tangents go to the caller's span.
                tangents[output] = GeneratedNames.Derivative;
            }

            block = top;
            openStorages.Add(new List<string>());
            Walk(body);
            if (method.Output is not null && top.Count > 0 && top[top.Count - 1] is ReturnVoid)
            {
                // The end of the method returns anyway.
                top.RemoveAt(top.Count - 1);
            }

            return new TangentMethod(method, top.ToEquatableArray(), tangents.Values.ToEquatableArray());
        }

        /// <summary>
        /// Which variables and arrays carry a tangent: those assigned, anywhere in the method, a value that depends on a
        /// differentiated input (one fixed point over the whole body, so a loop that makes a variable active on its second
        /// iteration is seen too).
        /// </summary>
        private void FindActivity(EquatableArray<Statement> body)
        {
            foreach (ParameterModel parameter in method.Parameters.Where(p => p.IsDifferentiable && p.Type == ScalarType.Double))
            {
                (parameter.Sequence is null ? activeVariables : activeArrays).Add(parameter.Name);
            }

            if (method.Output is { } output)
            {
                activeArrays.Add(output);
            }

            var statements = StatementTree.AllStatements(body);
            bool changed = true;
            while (changed)
            {
                changed = false;
                foreach (Statement statement in statements)
                {
                    changed |= statement switch
                    {
                        Assignment { TargetType: ScalarType.Double } assignment when IsActive(assignment.Value) => activeVariables.Add(assignment.Target),
                        ElementAssignment { ElementType: ScalarType.Double } write when IsActive(write.Value) => activeArrays.Add(write.Array),
                        _ => false,
                    };
                }
            }
        }

        private IEnumerable<string> DeclaredNames(IEnumerable<Statement> statements) => StatementTree.AllStatements(statements)
            .Select(s => s switch
            {
                Assignment assignment when !renamed.ContainsKey(assignment.Target) => assignment.Target,
                ArrayDeclaration array => array.Name,
                _ => null,
            })
            .Where(name => name is not null)
            .Select(name => name!)
            .Distinct();

        private string NewTangent(string sourceName)
        {
            string tangent = names.Allocate(tangentName(sourceName));
            tangents[sourceName] = tangent;
            return tangent;
        }

        private string TangentOf(string sourceName) => tangents.TryGetValue(sourceName, out string? tangent) ? tangent : NewTangent(sourceName);

        private void Walk(EquatableArray<Statement> statements)
        {
            foreach (Statement statement in statements)
            {
                switch (statement)
                {
                    case Assignment assignment:
                        AddAssignment(assignment);
                        break;
                    case Return ret:
                        AddReturn(ret);
                        break;
                    case If branch:
                        Expr condition = CalledForValue(Linearize(branch.Condition, isRoot: true, valueNeeded: false, mayHoist: true,
                            needTangent: false).Primal);
                        block.Add(new IfStatement(condition, Nested(branch.Then), Nested(branch.Else)));
                        break;
                    case Loop loop:
                        // The condition runs every iteration: nothing in it may move before the loop.
                        Expr test = CalledForValue(Linearize(loop.Condition, isRoot: true, valueNeeded: false, mayHoist: false, needTangent: false).Primal);
                        block.Add(new LoopStatement(test, Nested(loop.Body), loop.TestsFirst));
                        break;
                    case ArrayDeclaration array:
                        AddArray(array);
                        break;
                    case ElementAssignment write:
                        AddElementWrite(write);
                        break;
                    case Effect effect:
                        block.Add(new RunEffect(effect.Code));
                        break;
                    default:
                        throw new InvalidOperationException("no forward rule for " + statement.GetType().Name);
                }
            }

            // A block that falls through hands its tangent arrays back here; one that returned did so before its return.
            if (!AlwaysReturns(statements))
            {
                block.AddRange(openStorages[openStorages.Count - 1].Select(storage => (CodeStatement)new AdjointArrayRelease(storage)));
            }
        }

        /// <summary>True when every path through <paramref name="statements"/> ends in a return or a throw (C# reads what follows as unreachable).</summary>
        private static bool AlwaysReturns(EquatableArray<Statement> statements) => statements.Count > 0 && statements[statements.Count - 1] switch
        {
            Return or Effect { Code.Throws: true } => true,
            If branch => AlwaysReturns(branch.Then) && AlwaysReturns(branch.Else),
            _ => false,
        };

        private EquatableArray<CodeStatement> Nested(EquatableArray<Statement> statements)
        {
            List<CodeStatement> outer = block;
            block = new List<CodeStatement>();
            openStorages.Add(new List<string>());
            Walk(statements);
            openStorages.RemoveAt(openStorages.Count - 1);
            EquatableArray<CodeStatement> nested = block.ToEquatableArray();
            block = outer;
            return nested;
        }

        private void AddAssignment(Assignment assignment)
        {
            string target = assignment.Target;
            void Store(string name, ScalarType type, Expr value, bool declares)
            {
                // x = x + 1 leaves dx as it is: no dx = dx (CS1717).
                if (declares || value is not Variable { Name: var same } || same != name)
                {
                    block.Add(declares ? new Declare(name, type, value) : new Assign(name, value));
                }
            }

            if (assignment.TargetType != ScalarType.Double || !activeVariables.Contains(assignment.Target))
            {
                Expr value = CalledForValue(Linearize(assignment.Value, isRoot: true, valueNeeded: false, mayHoist: true, needTangent: false).Primal);
                Store(target, assignment.TargetType, value, assignment.Declares);
                return;
            }

            string tangent = TangentOf(assignment.Target);
            (Expr primal, Expr? derivative) = Linearize(assignment.Value, isRoot: true, valueNeeded: false, mayHoist: true, needTangent: true);
            if (assignment.Declares)
            {
                // A declaration cannot read its own target: the value first, then its tangent, as one would write them.
                Store(target, ScalarType.Double, primal, declares: true);
                Store(tangent, ScalarType.Double, derivative is null ? Constant.Zero : WithResult(derivative, new Variable(target,
                    ScalarType.Double)), declares: true);
            }
            else if (!ReadsResult(derivative))
            {
                // The tangent first: it may read the value the target holds before this assignment (x = x * y).
                Store(tangent, ScalarType.Double, derivative ?? Constant.Zero, assignment.Declares);
                Store(target, ScalarType.Double, primal, assignment.Declares);
            }
            else if (!VariablesOf(primal).Contains(target))
            {
                // Exp, Sqrt, a quotient: the tangent reads the new value, which the target holds once assigned.
                Store(target, ScalarType.Double, primal, assignment.Declares);
                Store(tangent, ScalarType.Double, WithResult(derivative!, new Variable(target, ScalarType.Double)), assignment.Declares);
            }
            else
            {
                // x = Math.Exp(x): the new value goes to a temporary first, since the tangent reads both.
                Variable value = Hoist(primal, WithResult(derivative!, ResultStandIn), out Variable? valueTangent);
                Store(tangent, ScalarType.Double, valueTangent!, assignment.Declares);
                Store(target, ScalarType.Double, value, assignment.Declares);
            }
        }

        private void AddReturn(Return ret)
        {
            if (ret.Value is null)
            {
                // A vector-valued method's return only ends it: its outputs and their tangents are in their spans.
                block.AddRange(openStorages.SelectMany(storages => storages).Select(storage => (CodeStatement)new AdjointArrayRelease(storage)));
                block.Add(new ReturnVoid());
                return;
            }

            (Expr primal, Expr? derivative) = Linearize(ret.Value, isRoot: true, valueNeeded: false, mayHoist: true, needTangent: true);
            if (ReadsResult(derivative))
            {
                primal = Hoist(primal, derivative, out Variable? resultTangent, "result");
                derivative = resultTangent;
            }

            block.Add(new Assign(GeneratedNames.Derivative, derivative ?? Constant.Zero));
            block.AddRange(openStorages.SelectMany(storages => storages).Select(storage => (CodeStatement)new AdjointArrayRelease(storage)));
            block.Add(new ReturnValue(primal));
        }

        private void AddArray(ArrayDeclaration array)
        {
            string name = array.Name;
            Expr length = CalledForValue(Linearize(array.Length, isRoot: true, valueNeeded: false, mayHoist: true, needTangent: false).Primal);
            block.Add(new DeclareArray(name, array.ElementType, length));
            if (activeArrays.Contains(array.Name))
            {
                string tangent = TangentOf(array.Name);
                string storage = names.Allocate(tangent + "_storage");
                tangentStorage[array.Name] = storage;
                block.Add(new AdjointArrayDeclaration(tangent, storage, new SequenceLength(name)));
                openStorages[openStorages.Count - 1].Add(storage);
            }
        }

        private void AddElementWrite(ElementAssignment write)
        {
            string array = write.Array;
            Expr index = CalledForValue(Linearize(write.Index, isRoot: false, valueNeeded: false, mayHoist: true, needTangent: false).Primal);
            if (write.ElementType != ScalarType.Double || !activeArrays.Contains(write.Array))
            {
                Expr value = CalledForValue(Linearize(write.Value, isRoot: true, valueNeeded: false, mayHoist: true, needTangent: false).Primal);
                block.Add(new ElementAssign(array, index, value));
                return;
            }

            (Expr primal, Expr? derivative) = Linearize(write.Value, isRoot: true, valueNeeded: false, mayHoist: true, needTangent: true);
            if (ReadsResult(derivative))
            {
                primal = Hoist(primal, derivative, out Variable? valueTangent);
                derivative = valueTangent;
            }

            // The tangent first: the value may read the element it overwrites (a[i] = a[i] * x).
            block.Add(new ElementAssign(TangentOf(write.Array), TangentIndex(index), derivative ?? Constant.Zero));
            block.Add(new ElementAssign(array, index, primal));
        }

        /// <summary>Gives the locals that took a new name (one a generated name such as <c>dx</c> had) that name everywhere.</summary>
        private Statement RenameStatement(Statement statement) => statement switch
        {
            Assignment assignment => assignment with { Target = Printed(assignment.Target), Value = RenameExpression(assignment.Value) },
            Return { Value: { } returned } ret => ret with { Value = RenameExpression(returned) },
            If branch => branch with
            {
                Condition = RenameExpression(branch.Condition),
                Then = branch.Then.Select(RenameStatement).ToEquatableArray(),
                Else = branch.Else.Select(RenameStatement).ToEquatableArray(),
            },
            Loop loop => loop with { Condition = RenameExpression(loop.Condition), Body = loop.Body.Select(RenameStatement).ToEquatableArray() },
            ArrayDeclaration array => array with { Name = Printed(array.Name), Length = RenameExpression(array.Length) },
            ElementAssignment write => write with { Array = Printed(write.Array), Index = RenameExpression(write.Index),
                Value = RenameExpression(write.Value) },
            _ => statement,
        };

        private Expr RenameExpression(Expr expression) => Rewrite(expression, e => e switch
        {
            Variable variable => variable with { Name = Printed(variable.Name) },
            ElementRead read => read with { Array = Printed(read.Array) },
            SequenceLength length => length with { Array = Printed(length.Array) },
            SequenceArgument sequence => sequence with { Array = Printed(sequence.Array) },
            _ => null,
        });

        private string Printed(string name) => renamed.TryGetValue(name, out string? printed) ? printed : name;
    }
}
