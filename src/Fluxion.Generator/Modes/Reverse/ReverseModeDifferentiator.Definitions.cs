using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Generator.Model;
using Fluxion.Generator.Rules;
using static Fluxion.Generator.Model.ExprTree;

namespace Fluxion.Generator.Modes.Reverse
{
    /// <summary>Definitions: renaming to versions, lowering into temporaries, and the adjoint rules applied through the registry.</summary>
    internal sealed partial class ReverseModeDifferentiator
    {
        private Expr Rename(Expr expression) => Rewrite(expression, e => e switch
        {
            Variable v when currentVersion.TryGetValue(v.Name, out string? version) => new Variable(version, v.Type),
            SequenceLength length when localArrays.TryGetValue(length.Array, out var array) => array.Length,
            _ => null,
        });

        private void Define(string name, ScalarType type, Expr value)
        {
            Expr lowered = Lower(value, isRoot: true, valueNeeded: false);
            bool active = IsActive(lowered);
            if (active && lowered is DifferentiableCall arrayCall && arrayCall.Arguments.Any(a => a is SequenceArgument))
            {
                // A callee's gradient with respect to an array is a whole span: the backward sweep asks for it where it
                // needs it, instead of the forward sweep keeping one per call.
                pulledBack.Add(name);
                arraysPassedWhole.UnionWith(arrayCall.Arguments.OfType<SequenceArgument>().Select(a => a.Array).Where(localArrays.ContainsKey));
            }
            else if (active && lowered is DifferentiableCall call)
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
            // A local array's element may change later: its value is read once, into a temporary, where the source reads it.
            bool impure = expression is PassiveCall { IsPure: false } or ExternalValue { IsReadOnly: false } || (expression is DifferentiableCall
                && IsActive(expression)) || IsLocalElement(expression) || (staticsMayChange && expression is ElementRead { Array: var table }
                && table.IndexOf('.') >= 0);
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
                bool shortCircuited = (expression is Binary { Operator: BinaryOperator.And or BinaryOperator.Or } && i == 1)
                    || (expression is Conditional && i > 0);
                lowered[i] = Lower(operands[i], isRoot: false, valueNeeded: operandsNeeded[i] && mayHoist && !shortCircuited, mayHoist: mayHoist
                    && !shortCircuited);
            }

            Expr rebuilt = WithOperands(expression, lowered);
            // An element read left inside (on a side of ?: that may not run) is read again wherever the expression is
            // used: the whole expression is computed once instead (an index such as c > 0 ? 1 : k[1]).
            impure |= ContainsLocalElement(rebuilt);
            if (!isRoot && mayHoist && (valueNeeded || resultNeeded || impure))
            {
                string temporary = names.Allocate(NameHints.For(rebuilt));
                Define(temporary, rebuilt.Type, rebuilt);
                return new Variable(temporary, rebuilt.Type);
            }

            return rebuilt;
        }

        /// <summary>Which operands, and whether its own result, the partial derivatives of a node read.</summary>
        private (bool[] Operands, bool Result) Needs(Expr expression) => RuleRegistry.Reads(expression, IsActive);

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
                    backward.Add(new ElementAddAssign(activeSequences.TryGetValue(element.Array, out string? span) ? span
                        : arrayAdjoints[element.Array], AdjointIndex(element.Index), adjoint));
                    break;
                case Unary or Binary or MathCall:
                    IReadOnlyList<Expr> operands = Operands(node);
                    Partial?[] partials = RuleRegistry.Partials(node, value);
                    var flowing = Enumerable.Range(0, partials.Length).Where(i => partials[i] is not null && IsActive(operands[i])).ToList();
                    // An unbounded partial reads the adjoint twice (to let a zero adjoint contribute zero).
                    adjoint = ShareIfUsedTwice(adjoint, node, flowing.Count > 1 || flowing.Any(i => partials[i]!.Unbounded));
                    foreach (int i in flowing)
                    {
                        Propagate(operands[i], partials[i]!.Scale(adjoint), definition);
                    }

                    break;
                case DifferentiableCall call when pulledBack.Contains(definition.Name):
                    PullBack(call, adjoint, definition);
                    break;
                case DifferentiableCall call:
                    EquatableArray<string> outputs = callOutputs[definition.Name];
                    var arguments = call.Callee.Parameters.Select((p, i) => (Parameter: p, Argument: call.Arguments[i])).Where(pa
                        => pa.Parameter.IsDifferentiable).ToList();
                    adjoint = ShareIfUsedTwice(adjoint, call, outputs.Count(o => o.Length > 0) > 1);
                    for (int i = 0; i < arguments.Count; i++)
                    {
                        if (outputs[i].Length > 0)
                        {
                            Propagate(arguments[i].Argument, Algebra.Multiply(new Variable(outputs[i], ScalarType.Double), adjoint), definition);
                        }
                    }

                    break;
                default:
                    throw new InvalidOperationException("no adjoint rule for " + node.GetType().Name);
            }
        }

        /// <summary>
        /// The backward sweep of a call with array arguments: the callee's gradient, called here with a pooled span for
        /// each array, then each partial times the adjoint added to what the arguments are computed from.
        /// </summary>
        private void PullBack(DifferentiableCall call, Expr adjoint, Definition definition)
        {
            adjoint = ShareIfUsedTwice(adjoint, call, usedTwice: true);
            var outputs = new List<string>();
            var isSpan = new List<bool>();
            var contributions = new List<(Expr Argument, string Output, bool IsSpan)>();
            var storages = new List<string>();
            for (int i = 0; i < call.Arguments.Count; i++)
            {
                ParameterModel parameter = call.Callee.Parameters[i];
                Expr argument = call.Arguments[i];
                if (!parameter.IsDifferentiable)
                {
                    continue;
                }

                // A span is passed even for an array without a gradient here: the callee checks its length.
                bool span = parameter.Sequence is not null;
                string output = span || IsActive(argument) ? names.Allocate(definition.Name + "_d" + parameter.Name) : string.Empty;
                if (span)
                {
                    string storage = names.Allocate(output + "_storage");
                    storages.Add(storage);
                    backward.Add(new AdjointArrayDeclaration(output, storage, new SequenceLength(((SequenceArgument)argument).Array)));
                }

                outputs.Add(output);
                isSpan.Add(span);
                if (IsActive(argument))
                {
                    contributions.Add((argument, output, span));
                }
            }

            backward.Add(new CallStatement(new GradientInvocation(call.Callee.QualifiedGradientName, call.Arguments, outputs.ToEquatableArray(),
                DeclaresOutputs: true, isSpan.ToEquatableArray())));
            foreach ((Expr argument, string output, bool span) in contributions)
            {
                if (span)
                {
                    string array = ((SequenceArgument)argument).Array;
                    string target = activeSequences.TryGetValue(array, out string? gradient) ? gradient : arrayAdjoints[array];
                    backward.Add(new AccumulateScaled(target, output, adjoint, new SequenceLength(array), names.Allocate("index")));
                }
                else
                {
                    Propagate(argument, Algebra.Multiply(new Variable(output, ScalarType.Double), adjoint), definition);
                }
            }

            backward.AddRange(storages.Select(storage => (CodeStatement)new AdjointArrayRelease(storage)));
        }

        /// <summary>Keeps an adjoint that two operands read in a local, so it is computed once.</summary>
        private Expr ShareIfUsedTwice(Expr adjoint, Expr node, bool usedTwice)
        {
            if (!usedTwice || IsLeaf(adjoint))
            {
                return adjoint;
            }

            string name = names.Allocate(NameHints.For(node) + "_adj");
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

        private Expr ForwardValue(Definition definition, bool declaresOutputs)
        {
            if (definition.Value is not DifferentiableCall call)
            {
                return definition.Value;
            }

            if (pulledBack.Contains(definition.Name))
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
            ElementRead element => activeSequences.ContainsKey(element.Array) || arrayAdjoints.ContainsKey(element.Array),
            SequenceArgument sequence => activeSequences.ContainsKey(sequence.Array) || arrayAdjoints.ContainsKey(sequence.Array),
            Constant or ExternalValue or PassiveCall or NumericConversion => false,
            _ => Operands(expression).Any(IsActive),
        };

        /// <summary>
        /// An index for a gradient span or an adjoint array, whose indexers take an int: an index of another integer type
        /// (an array may be indexed with a long) is converted, checked, so a value an int cannot hold still throws.
        /// </summary>
        private static Expr AdjointIndex(Expr index) => index switch
        {
            _ when index.Type == ScalarType.Int32 => index,
            IntegerConstant constant when constant.Value is >= int.MinValue and <= int.MaxValue => new IntegerConstant(constant.Value, ScalarType.Int32),
            _ => new NumericConversion(index, ScalarType.Int32, OverflowCheck.Checked),
        };

        private bool IsLeaf(Expr expression) => expression switch
        {
            Constant or IntegerConstant or BooleanConstant or Variable or SequenceLength or SequenceArgument => true,
            ElementRead element => IsLeaf(element.Index) && !IsLocalElement(element.Index),
            ExternalValue external => external.IsReadOnly,
            NumericConversion conversion => IsLeaf(conversion.Operand) && !IsLocalElement(conversion.Operand),
            Unary { Operator: UnaryOperator.Negate, Operand: Constant or Variable } => true,
            _ => false,
        };

        /// <summary>One step of the forward sweep: a definition, or a branch with its own steps.</summary>
        private abstract record Step;

        private sealed record Definition(string Name, ScalarType Type, Expr Value, bool IsActive) : Step;

        /// <summary>A statement of the source run for its effect alone: the forward sweep runs it, the backward sweep has nothing to do.</summary>
        private sealed record EffectStep(EffectCode Code) : Step;

        /// <summary>The creation of a local array.</summary>
        private sealed record ArrayStep(string Name, ScalarType ElementType, Expr Length) : Step;

        /// <summary><c>Array[Index] = Value</c> on a local array; the value is a variable or a constant.</summary>
        private sealed record ElementWriteStep(string Array, Expr Index, Expr Value) : Step;
    }
}
