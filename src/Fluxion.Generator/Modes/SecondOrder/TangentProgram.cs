using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Generator.Model;
using Fluxion.Generator.Modes.Forward;

namespace Fluxion.Generator.Modes.SecondOrder
{
    /// <summary>
    /// Second derivatives by composing the modes: forward mode turns F into its tangent program
    /// G(x, ẋ) = ∇F(x)·ẋ, written back in the frontend's own form, and reverse mode differentiates G. Its gradient with
    /// respect to x is the Hessian times the direction, H·ẋ, and with respect to ẋ the gradient ∇F: one backward sweep gives
    /// both (reverse over forward). The tangent program is a method <c>F_Jvp</c> whose reverse-mode gradient is
    /// <c>F_Jvp_Grad</c>, the core that <c>F_Hvp</c> and <c>F_Hessian</c> call.
    /// </summary>
    internal static class TangentProgram
    {
        /// <summary>The name the tangent program takes: its gradient is printed as <c>F_Jvp_Grad</c>.</summary>
        public static string NameOf(MethodModel method) => method.Name + DerivativeKinds.Jvp.Suffix();

        /// <summary>
        /// <paramref name="tangent"/> (made by <see cref="ForwardModeDifferentiator.DifferentiateWithDots"/>) as a method of its
        /// own: F's parameters, then a differentiable direction per differentiable parameter, returning the directional derivative.
        /// </summary>
        public static MethodModel ToModel(TangentMethod tangent)
        {
            MethodModel method = tangent.Source;
            var directions = method.Parameters
                .Where(p => p.IsDifferentiable)
                .Select(p => new ParameterModel(ForwardModeDifferentiator.Dotted(p.Name), ScalarType.Double, true, p.Sequence is null ? null
                    : SequenceKind.ReadOnlySpan, Output: p.OutputName + "_dot"));
            var types = method.Parameters.Concat(directions).Where(p => p.Sequence is null).ToDictionary(p => p.Name, p => p.Type, StringComparer.Ordinal);
            var elementTypes = method.Parameters.Where(p => p.Sequence is not null).ToDictionary(p => p.Name, p => p.Type, StringComparer.Ordinal);
            var converter = new Converter(types, elementTypes);
            return method with
            {
                Name = NameOf(method),

                // Internal, not private: the second-order cores of this method's callers call it.
                Accessibility = "internal",
                Parameters = method.Parameters.Concat(directions).ToEquatableArray(),
                Body = converter.Block(tangent.Body).ToEquatableArray(),
                Calls = EquatableArray<CallSite>.Empty,
                Derivatives = DerivativeKinds.Gradient,
            };
        }

        /// <summary>Generated statements back into the frontend's statements; the tangent program has no others.</summary>
        private sealed class Converter
        {
            private readonly Dictionary<string, ScalarType> types;
            private readonly Dictionary<string, ScalarType> elementTypes;
            private Expr? derivative;

            public Converter(Dictionary<string, ScalarType> types, Dictionary<string, ScalarType> elementTypes)
            {
                this.types = types;
                this.elementTypes = elementTypes;
            }

            public List<Statement> Block(IEnumerable<CodeStatement> statements)
            {
                var block = new List<Statement>();
                foreach (CodeStatement statement in statements)
                {
                    switch (statement)
                    {
                        case Assign { Name: GeneratedNames.Derivative } output:
                            derivative = output.Value;
                            break;
                        case ReturnValue:
                            block.Add(new Return(derivative ?? throw new InvalidOperationException("a return without its derivative")));
                            break;
                        case Declare { Value: GradientInvocation { JvpOf: { } callee } jvp } value:
                            AddCallOfJvp(block, value.Name, callee, jvp);
                            break;
                        case Declare { Value: GradientInvocation }:
                            throw new InvalidOperationException("the tangent program calls a generated method other than a _Jvp");
                        case Declare declare:
                            types[declare.Name] = declare.Type;
                            block.Add(new Assignment(declare.Name, declare.Type, declare.Value, Declares: true));
                            break;
                        case Assign assign:
                            block.Add(new Assignment(assign.Name, types[assign.Name], assign.Value, Declares: false));
                            break;
                        case IfStatement branch:
                            block.Add(new If(branch.Condition, Block(branch.Then).ToEquatableArray(), Block(branch.Else).ToEquatableArray()));
                            break;
                        case LoopStatement loop:
                            block.Add(new Loop(loop.Condition, Block(loop.Body).ToEquatableArray(), loop.TestsFirst));
                            break;
                        case DeclareArray array:
                            elementTypes[array.Name] = array.ElementType;
                            block.Add(new ArrayDeclaration(array.Name, array.ElementType, array.Length));
                            break;
                        case AdjointArrayDeclaration tangents:
                            // Reverse mode differentiates an ordinary local array (new per call) where forward mode pooled one.
                            elementTypes[tangents.Name] = ScalarType.Double;
                            block.Add(new ArrayDeclaration(tangents.Name, ScalarType.Double, tangents.Length));
                            break;
                        case AdjointArrayRelease:
                            break;
                        case RunEffect effect:
                            block.Add(new Effect(effect.Code));
                            break;
                        case ElementAssign element:
                            block.Add(new ElementAssignment(element.Array, elementTypes[element.Array], element.Index, element.Value));
                            break;
                        default:
                            throw new InvalidOperationException("the tangent program has a " + statement.GetType().Name);
                    }
                }

                return block;
            }

            /// <summary>
            /// <c>y = G_Jvp(args, directions, out dy)</c> as two calls reverse mode can differentiate: <c>y = G(args)</c>, whose
            /// gradient is <c>G_Grad</c>, and <c>dy = G_Jvp(args, directions)</c> as a method of its own, G's tangent program,
            /// whose gradient is G's second-order core <c>G_Jvp_Grad</c>.
            /// </summary>
            private void AddCallOfJvp(List<Statement> block, string value, CalleeModel callee, GradientInvocation jvp)
            {
                int count = callee.Parameters.Count;
                if (jvp.Arguments.Any(argument => argument is SequenceArgument))
                {
                    throw new InvalidOperationException("second derivatives through a call with array arguments");
                }

                types[value] = ScalarType.Double;
                block.Add(new Assignment(value, ScalarType.Double, new DifferentiableCall(callee, jvp.Arguments.Take(count).ToEquatableArray()),
                    Declares: true));
                var directions = callee.Parameters.Where(p => p.IsDifferentiable)
                    .Select(p => new ParameterModel(ForwardModeDifferentiator.Dotted(p.Name), ScalarType.Double, true));
                string tangentProgram = callee.QualifiedName + DerivativeKinds.Jvp.Suffix();
                var tangentCallee = new CalleeModel(tangentProgram + MethodModel.GradientSuffix, tangentProgram, callee.Name + DerivativeKinds.Jvp.Suffix(),
                    callee.Parameters.Concat(directions).ToEquatableArray());
                string derivative = jvp.Outputs[0];
                types[derivative] = ScalarType.Double;
                block.Add(new Assignment(derivative, ScalarType.Double, new DifferentiableCall(tangentCallee, jvp.Arguments), Declares: true));
            }
        }
    }
}
