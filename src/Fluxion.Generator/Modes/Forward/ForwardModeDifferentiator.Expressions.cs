using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Generator.Model;
using Fluxion.Generator.Optimization;
using Fluxion.Generator.Rules;
using static Fluxion.Generator.Model.ExprTree;

namespace Fluxion.Generator.Modes.Forward
{
    /// <summary>Expressions: each value with its tangent, the sum over operands of partial × operand tangent.</summary>
    internal sealed partial class ForwardModeDifferentiator
    {
        /// <summary>Stands for a node's own value in a tangent until the value has a name (the root of an assignment).</summary>
        private static readonly Variable ResultStandIn = new Variable("$result", ScalarType.Double);

        /// <summary>
        /// Rebuilds <paramref name="expression"/> bottom-up and gives its tangent (null where it is zero). Inner nodes whose
        /// value a partial reads (an operand of <c>*</c>, the result of <c>Exp</c>) are computed once into a temporary with
        /// their tangent beside; so are calls and reads of mutable fields, in evaluation order, except where C# may skip
        /// them (the right side of <c>&amp;&amp;</c> and <c>||</c>, the sides of an inactive <c>?:</c>) or where
        /// <paramref name="mayHoist"/> is false (a loop condition). At the root, a tangent may read <see cref="ResultStandIn"/>.
        /// </summary>
        private (Expr Primal, Expr? Tangent) Linearize(Expr expression, bool isRoot, bool valueNeeded, bool mayHoist, bool needTangent)
        {
            needTangent &= IsActive(expression);
            if (!needTangent && expression is DifferentiableCall constantCall)
            {
                // Its arguments carry no derivative here: a call of the method itself, for its value.
                expression = CalledForValue(constantCall);
            }
            bool impure = expression is PassiveCall { IsPure: false } or ExternalValue { IsReadOnly: false };
            if (IsLeaf(expression) && !(impure && mayHoist && !isRoot))
            {
                return (expression, needTangent ? LeafTangent(expression) : null);
            }

            if (needTangent && expression is Conditional choice && mayHoist)
            {
                return LowerChoice(choice);
            }

            if (needTangent && expression is DifferentiableCall call)
            {
                return mayHoist ? LowerCall(call) : throw new InvalidOperationException("a differentiated call where it cannot be moved");
            }

            (bool[] operandsRead, bool resultRead) = needTangent ? RuleRegistry.Reads(expression, IsActive) : (new bool[Operands(expression).Count], false);
            IReadOnlyList<Expr> operands = Operands(expression);
            var primals = new Expr[operands.Count];
            var operandTangents = new Expr?[operands.Count];
            for (int i = 0; i < operands.Count; i++)
            {
                bool shortCircuited = (expression is Binary { Operator: BinaryOperator.And or BinaryOperator.Or } && i == 1)
                    || (expression is Conditional && i > 0);
                (primals[i], operandTangents[i]) = Linearize(
                    operands[i],
                    isRoot: false,
                    valueNeeded: operandsRead[i] && mayHoist && !shortCircuited,
                    mayHoist: mayHoist && !shortCircuited,
                    needTangent: needTangent && !shortCircuited);
            }

            Expr rebuilt = WithOperands(expression, primals);
            Expr? tangent = needTangent ? Tangent(rebuilt, operandTangents, mayHoist) : null;
            if (!isRoot && mayHoist && (valueNeeded || resultRead || impure))
            {
                Variable value = Hoist(rebuilt, tangent, out Variable? valueTangent);
                return (value, valueTangent);
            }

            return (rebuilt, tangent);
        }

        /// <summary>The tangent of a node whose operands have the given tangents (null for zero).</summary>
        private Expr? Tangent(Expr node, Expr?[] operandTangents, bool mayHoist)
        {
            if (node is ElementRead read)
            {
                return ElementTangent(read);
            }

            Partial?[] partials = RuleRegistry.Partials(node, ResultStandIn);
            Expr? sum = null;
            for (int i = 0; i < partials.Length; i++)
            {
                if (partials[i] is { } partial && operandTangents[i] is { } operandTangent)
                {
                    // A guarded tangent is read twice: one that is not a variable is computed once, beside the value.
                    bool guarded = zeroTangentsStayZero && partial.Unbounded;
                    Expr seed = operandTangent;
                    if (guarded && !IsLeaf(seed) && mayHoist)
                    {
                        string name = names.Allocate(tangentName(NameHints.For(Operands(node)[i])));
                        block.Add(new Declare(name, ScalarType.Double, seed));
                        seed = new Variable(name, ScalarType.Double);
                    }

                    Expr term = partial.Scale(seed, guarded);
                    sum = sum is null ? term : new Binary(BinaryOperator.Add, sum, term, ScalarType.Double);
                }
            }

            return sum;
        }

        /// <summary>Computes <paramref name="value"/> into a new local, and its tangent (which may read the value) into another.</summary>
        private Variable Hoist(Expr value, Expr? tangent, out Variable? valueTangent, string? preferredName = null)
        {
            string name = names.Allocate(preferredName ?? NameHints.For(value));
            block.Add(new Declare(name, value.Type, CalledForValue(value)));
            var variable = new Variable(name, value.Type);
            valueTangent = null;
            if (tangent is not null)
            {
                string tangentName = NewTangent(name);
                block.Add(new Declare(tangentName, ScalarType.Double, WithResult(tangent, variable)));
                valueTangent = new Variable(tangentName, ScalarType.Double);
            }

            return variable;
        }

        /// <summary>An active <c>c ? a : b</c>: an if that computes the side taken and its tangent, so the other side never runs.</summary>
        private (Expr Primal, Expr? Tangent) LowerChoice(Conditional choice)
        {
            Expr condition = CalledForValue(Linearize(choice.Condition, isRoot: false, valueNeeded: false, mayHoist: true, needTangent: false).Primal);
            if (Simplifier.SimplifyExpression(condition, exactOnly: true) is BooleanConstant constant)
            {
                // A condition C# evaluates while compiling (0.5 < 0.6): an if on it would leave one side unreachable (CS0162).
                return Linearize(constant.Value ? choice.WhenTrue : choice.WhenFalse, isRoot: false, valueNeeded: true, mayHoist: true, needTangent: true);
            }

            string name = names.Allocate("choice");
            string tangent = NewTangent(name);
            block.Add(new Declare(name, ScalarType.Double, Constant.Zero));
            block.Add(new Declare(tangent, ScalarType.Double, Constant.Zero));
            EquatableArray<CodeStatement> Side(Expr side)
            {
                List<CodeStatement> outer = block;
                block = new List<CodeStatement>();
                (Expr primal, Expr? sideTangent) = Linearize(side, isRoot: true, valueNeeded: false, mayHoist: true, needTangent: true);
                block.Add(new Assign(name, CalledForValue(primal)));
                block.Add(new Assign(tangent, sideTangent is null ? Constant.Zero : WithResult(sideTangent, new Variable(name, ScalarType.Double))));
                EquatableArray<CodeStatement> statements = block.ToEquatableArray();
                block = outer;
                return statements;
            }

            block.Add(new IfStatement(condition, Side(choice.WhenTrue), Side(choice.WhenFalse)));
            return (new Variable(name, ScalarType.Double), new Variable(tangent, ScalarType.Double));
        }

        /// <summary>
        /// A call of another <c>[Differentiable]</c> method that depends on a differentiated input: its <c>_Jvp</c>, with the
        /// tangent of each argument as that parameter's direction (zero where the argument carries none).
        /// </summary>
        private (Expr Primal, Expr? Tangent) LowerCall(DifferentiableCall call)
        {
            var arguments = new List<Expr>();
            var directions = new List<Expr>();
            var borrowed = new List<string>();
            for (int i = 0; i < call.Arguments.Count; i++)
            {
                ParameterModel parameter = call.Callee.Parameters[i];
                Expr argument = call.Arguments[i];
                if (argument is SequenceArgument sequence)
                {
                    arguments.Add(argument);
                    if (parameter.IsDifferentiable)
                    {
                        directions.Add(new SequenceArgument(SequenceTangent(sequence.Array, borrowed)));
                    }

                    continue;
                }

                (Expr primal, Expr? tangent) = Linearize(argument, isRoot: false, valueNeeded: false, mayHoist: true, needTangent: parameter.IsDifferentiable);
                arguments.Add(CalledForValue(primal));
                if (parameter.IsDifferentiable)
                {
                    directions.Add(tangent ?? Constant.Zero);
                }
            }

            string name = names.Allocate(NameHints.For(call));
            if (call.Callee.IsSupplied)
            {
                (Expr, Expr?) supplied = SuppliedCall(call, name, arguments, directions);
                block.AddRange(borrowed.Select(storage => (CodeStatement)new AdjointArrayRelease(storage)));
                return supplied;
            }

            string derivative = NewTangent(name);
            string jvp = call.Callee.QualifiedName + DerivativeKinds.Jvp.Suffix();
            var invocation = new GradientInvocation(jvp, arguments.Concat(directions).ToEquatableArray(), EquatableArray.Create(derivative),
                DeclaresOutputs: true, JvpOf: call.Callee);
            block.Add(new Declare(name, ScalarType.Double, invocation));
            block.AddRange(borrowed.Select(storage => (CodeStatement)new AdjointArrayRelease(storage)));
            return (new Variable(name, ScalarType.Double), new Variable(derivative, ScalarType.Double));
        }

        /// <summary>
        /// A call whose derivative the user supplied: the value and each partial from that derivative (a gradient span from the pool for
        /// an array), the tangent their sum weighted by the arguments' tangents (a dot product for an array).
        /// </summary>
        private (Expr Primal, Expr? Tangent) SuppliedCall(DifferentiableCall call, string name, List<Expr> arguments, List<Expr> directions)
        {
            var outputs = new List<string>();
            var isSpan = new List<bool>();
            var scalarTerms = new List<Expr>();
            var spanTerms = new List<(string Gradient, string Direction, string Array)>();
            var storages = new List<string>();
            int direction = 0;
            for (int i = 0; i < arguments.Count; i++)
            {
                ParameterModel parameter = call.Callee.Parameters[i];
                if (!parameter.IsDifferentiable)
                {
                    continue;
                }

                string partial = names.Allocate(name + "_" + parameter.OutputName);
                outputs.Add(partial);
                isSpan.Add(parameter.Sequence is not null);
                Expr along = directions[direction++];
                if (parameter.Sequence is null)
                {
                    if (along is not Constant { Value: 0.0 })
                    {
                        scalarTerms.Add(Algebra.Multiply(new Variable(partial, ScalarType.Double), along));
                    }

                    continue;
                }

                string array = ((SequenceArgument)arguments[i]).Array;
                string storage = names.Allocate(partial + "_storage");
                storages.Add(storage);
                block.Add(new AdjointArrayDeclaration(partial, storage, new SequenceLength(array)));
                if (activeArrays.Contains(array))
                {
                    spanTerms.Add((partial, ((SequenceArgument)along).Array, array));
                }
            }

            block.Add(new Declare(name, ScalarType.Double, new GradientInvocation(call.Callee.QualifiedGradientName, arguments.ToEquatableArray(),
                outputs.ToEquatableArray(), DeclaresOutputs: true, isSpan.ToEquatableArray())));
            Expr? tangent = scalarTerms.Count == 0 ? null
                : scalarTerms.Aggregate((sum, term) => new Binary(BinaryOperator.Add, sum, term, ScalarType.Double));
            if (spanTerms.Count > 0)
            {
                string dot = names.Allocate(name + "_tangent");
                block.Add(new Declare(dot, ScalarType.Double, tangent ?? Constant.Zero));
                foreach ((string gradient, string along, string array) in spanTerms)
                {
                    string index = names.Allocate("index");
                    var position = new Variable(index, ScalarType.Int32);
                    block.Add(new Declare(index, ScalarType.Int32, new IntegerConstant(0, ScalarType.Int32)));
                    var body = new CodeStatement[]
                    {
                        new AddAssign(dot, Algebra.Multiply(new ElementRead(gradient, position, ScalarType.Double), new ElementRead(along, position,
                            ScalarType.Double))),
                        new Assign(index, new Binary(BinaryOperator.Add, position, new IntegerConstant(1, ScalarType.Int32), ScalarType.Int32)),
                    };
                    block.Add(new LoopStatement(new Binary(BinaryOperator.Less, position, new SequenceLength(array), ScalarType.Boolean),
                        body.ToEquatableArray(), TestsFirst: true));
                }

                tangent = new Variable(dot, ScalarType.Double);
            }

            block.AddRange(storages.Select(storage => (CodeStatement)new AdjointArrayRelease(storage)));
            return (new Variable(name, ScalarType.Double), tangent ?? Constant.Zero);
        }

        /// <summary>The tangent span of a whole array passed to a call: its own, or zeros from the pool for an array without one.</summary>
        private string SequenceTangent(string array, List<string> borrowed)
        {
            if (activeArrays.Contains(array))
            {
                return TangentOf(array);
            }

            // A static table's name is qualified: its tangent takes the last part.
            string zeros = names.Allocate(tangentName(array.Substring(array.LastIndexOf('.') + 1).TrimStart('@')));
            string storage = names.Allocate(zeros + "_storage");
            block.Add(new AdjointArrayDeclaration(zeros, storage, new SequenceLength(array)));
            borrowed.Add(storage);
            return zeros;
        }

        private Expr? LeafTangent(Expr leaf) => leaf switch
        {
            Variable variable => new Variable(TangentOf(variable.Name), ScalarType.Double),
            ElementRead read => ElementTangent(read),
            _ => null,
        };

        private Expr ElementTangent(ElementRead read) => new ElementRead(TangentOf(read.Array), TangentIndex(read.Index), ScalarType.Double);

        /// <summary>A tangent span's indexer takes an int: an index of another integer type is converted, checked.</summary>
        private static Expr TangentIndex(Expr index) => index switch
        {
            _ when index.Type == ScalarType.Int32 => index,
            IntegerConstant constant when constant.Value is >= int.MinValue and <= int.MaxValue => new IntegerConstant(constant.Value, ScalarType.Int32),
            _ => new NumericConversion(index, ScalarType.Int32, OverflowCheck.Checked),
        };

        /// <summary>True when <paramref name="expression"/> is a double that depends on a differentiated input.</summary>
        private bool IsActive(Expr expression) => expression switch
        {
            _ when expression.Type != ScalarType.Double => false,
            Variable variable => activeVariables.Contains(variable.Name),
            ElementRead element => activeArrays.Contains(element.Array),
            SequenceArgument sequence => activeArrays.Contains(sequence.Array),
            Constant or ExternalValue or PassiveCall or NumericConversion or SequenceLength => false,
            // The condition only picks a side; the side carries the derivative.
            Conditional choice => IsActive(choice.WhenTrue) || IsActive(choice.WhenFalse),
            _ => Operands(expression).Any(IsActive),
        };

        private static bool IsLeaf(Expr expression) => expression switch
        {
            Constant or IntegerConstant or BooleanConstant or Variable or SequenceLength or SequenceArgument => true,
            ElementRead element => IsLeaf(element.Index),
            ExternalValue external => external.IsReadOnly,
            _ => false,
        };

        private static bool ReadsResult(Expr? tangent) => tangent is not null && VariablesOf(tangent).Contains(ResultStandIn.Name);

        private static Expr WithResult(Expr tangent, Expr value) => Rewrite(tangent, e => e is Variable { Name: "$result" } ? value : null);
    }
}
