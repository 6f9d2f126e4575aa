using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Fluxion.Generator.Diagnostics;
using Fluxion.Generator.Model;
using Fluxion.Generator.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Fluxion.Generator.Frontend
{
    /// <summary>Calls: Math functions, [Differentiable] callees, ordinary methods, and the checks on what a call may be given.</summary>
    internal sealed partial class BodyParser
    {
        private Expr? ParseInvocation(IInvocationOperation invocation)
        {
            IMethodSymbol method = invocation.TargetMethod;
            if (KnownSymbols.IsNonDeterministic(method))
            {
                return NonDeterministic(invocation, method);
            }

            if (KnownSymbols.IsInFileLocalType(method))
            {
                return Unsupported(invocation, DiagnosticDescriptors.UnsupportedExpression, "call of '" + method.Name + "'",
                    "it belongs to a file-local type, which the generated file cannot name");
            }

            if (method.MethodKind == MethodKind.LocalFunction)
            {
                return ParseLocalFunctionCall(invocation, method);
            }

            if (IsLoweredAggregate(method))
            {
                return ParseAggregate(invocation, method);
            }

            if (KnownSymbols.IsStopGradient(method))
            {
                // The value as it is, with no derivative: a call nothing differentiates.
                return TryParseExpression(invocation.Arguments[0].Value) is { } stopped
                    ? new PassiveCall("global::Fluxion.Gradient.Stop", method.Name, new[] { stopped }.ToEquatableArray(), ScalarType.Double, IsPure: true)
                    : null;
            }

            if (invocation.Instance is not (null or IInstanceReferenceOperation))
            {
                return Unsupported(invocation, DiagnosticDescriptors.UnsupportedExpression, "call of instance method '" + method.Name + "'",
                    "only static methods, and an instance method's own methods (on this), can be called");
            }

            if (KnownSymbols.ToScalarType(method.ReturnType) is not { } returnType || method.ReturnsByRef)
            {
                return Unsupported(invocation, DiagnosticDescriptors.UnsupportedExpression, "call of '" + method.Name + "' returning '"
                    + method.ReturnType.ToDisplayString() + "'", "only calls that return double, an integer or a bool are supported");
            }

            var argumentOperations = invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).ToList();
            bool reordered = !argumentOperations.SequenceEqual(invocation.Arguments);
            if (reordered && invocation.Arguments.Count(a => a.Value.DescendantsAndSelf().Any(HasSideEffects)) > 1)
            {
                // The gradient passes arguments in parameter order; their calls would run in another order.
                return Unsupported(invocation, DiagnosticDescriptors.UnsupportedExpression, "call of '" + method.Name
                    + "' with named arguments out of order",
                    "two of them call methods or read mutable fields; pass them in parameter order, or compute them into locals first");
            }

            if (argumentOperations.Any(a => a.Parameter is null || a.Parameter.RefKind != RefKind.None || a.ArgumentKind == ArgumentKind.ParamArray))
            {
                return Unsupported(invocation, DiagnosticDescriptors.UnsupportedExpression, "call of '" + method.Name + "'",
                    argumentOperations.Any(a => a.ArgumentKind == ArgumentKind.ParamArray)
                        ? "its params array is written out as separate values; put them in a local array (double[] values = { … }) and pass that"
                        : "ref, out and in arguments are not supported");
            }

            var arguments = new List<Expr>();
            foreach (IArgumentOperation argument in argumentOperations)
            {
                Expr? value = SequenceName(argument.Value) is { } sequence ? new SequenceArgument(sequence)
                    : LocalArrayOf(argument.Value) is { } array ? new SequenceArgument(names[array])
                    : TryParseExpression(argument.Value);
                if (value is not null)
                {
                    arguments.Add(value);
                }
            }

            if (arguments.Count != argumentOperations.Count)
            {
                return null;
            }

            // A differentiated array passed whole makes the call depend on it, like a differentiated double.
            bool anyActive = argumentOperations.Any(a => IsActiveArgument(a.Value));
            if (anyActive && KnownSymbols.ReinterpretsBits(method))
            {
                return Unsupported(invocation, DiagnosticDescriptors.UnsupportedExpression, "call of '" + method.ContainingType.Name + "." + method.Name
                    + "'", "it reinterprets the bits of a differentiated value, which have no derivative; compute with the value itself");
            }

            foreach (IArgumentOperation argument in argumentOperations)
            {
                if (LocalArrayOf(argument.Value) is { } array && KnownSymbols.FindDifferentiableAttribute(method) is null
                    && SuppliedDerivatives.Find(compilation, method) is null
                    && KnownSymbols.ToSequence(argument.Parameter!.Type) is not (SequenceKind.ReadOnlySpan, _))
                {
                    // A [Differentiable] method never writes its arrays; any other method might, unseen by the gradient.
                    return Unsupported(argument.Value, DiagnosticDescriptors.UnsupportedExpression, "local array '" + array.Name + "' passed to '"
                        + method.Name + "'",
                        "a method that is not [Differentiable] could change it; take a ReadOnlySpan<"
                            + KnownSymbols.ToSequence(array.Type)?.Element.Keyword() + "> there, or mark the method [Differentiable]");
                }
            }

            if (returnType != ScalarType.Double || !anyActive)
            {
                // An integer result, or a result that depends on no differentiated value, is a constant for differentiation.
                return new PassiveCall(QualifiedMethodName(method), method.Name, arguments.ToEquatableArray(), returnType,
                    IsPure: KnownSymbols.IsMathType(method.ContainingType));
            }

            if (SuppliedDerivatives.Find(compilation, method) is { } supplied)
            {
                // The user's word for the derivative comes before any rule or generated gradient.
                return ParseSuppliedCall(invocation, method, supplied, argumentOperations, arguments);
            }

            if (KnownSymbols.IsMathType(method.ContainingType) && MathRules.Has(method.Name, arguments.Count)
                && method.Parameters.All(p => MathRules.TakesDouble(method.Name, arguments.Count, p.Ordinal)
                    ? p.Type.SpecialType == SpecialType.System_Double
                    : p.Type.SpecialType == SpecialType.System_Int32 || p.Type.TypeKind == TypeKind.Enum))
            {
                return new MathCall(method.Name, arguments.ToEquatableArray());
            }

            if (KnownSymbols.FindDifferentiableAttribute(method) is { } attribute)
            {
                return ParseDifferentiableCall(invocation, method, attribute, argumentOperations, arguments);
            }

            string supply = "supply its derivative as a method of yours marked [DerivativeOf(typeof(" + method.ContainingType.Name + "), nameof("
                + method.ContainingType.Name + "." + method.Name + "))]";
            string advice = KnownSymbols.IsMathType(method.ContainingType) ? "Fluxion has no derivative rule for it; " + supply
                : method.Locations.Any(location => location.IsInSource)
                    ? "mark '" + method.Name + "' [Differentiable] (in a partial type) so that Fluxion generates its gradient, or " + supply
                    : "its code is in another assembly; " + supply;
            Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoKnownDerivative, invocation.Syntax.GetLocation(),
                method.ContainingType.Name + "." + method.Name, advice));
            return null;
        }

        private Expr? ParseDifferentiableCall(IInvocationOperation invocation, IMethodSymbol method, AttributeData attribute,
            List<IArgumentOperation> argumentOperations, List<Expr> arguments)
        {
            IMethodSymbol definition = method.OriginalDefinition;
            string? problem = CalleeProblem(definition, attribute);
            if (problem is not null)
            {
                Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CalleeHasNoGradient, invocation.Syntax.GetLocation(),
                    method.ContainingType.Name + "." + method.Name, problem));
                return null;
            }

            if ((requested & DerivativeKindsExtensions.SecondOrder) is var secondOrder and not DerivativeKinds.None
                && SecondOrderCallProblem(definition, arguments) is { } secondOrderProblem)
            {
                // Reverse over forward goes through the callee's own second-order core, which these calls cannot reach yet.
                string kinds = string.Join(" and ", secondOrder.Each().Select(kind => "'" + methodName + kind.Suffix() + "'"));
                Diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.DerivativeNotAvailable, invocation.Syntax.GetLocation(), kinds, methodName,
                    "second derivatives through a call of another [Differentiable] method ('" + method.Name + "') " + secondOrderProblem
                        + " are not generated yet; ask for them where the call's body is written inline, or ask only for Gradient and Jvp here"));
                return null;
            }

            if (MissingDerivative(definition, attribute) is { } missing)
            {
                Diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.CalleeLacksDerivative, invocation.Syntax.GetLocation(), method.ContainingType.Name + "." + method.Name,
                        method.Name + missing.Suffix(), missing.ToString()));
                return null;
            }

            bool[] differentiable = KnownSymbols.DifferentiableParameters(definition, attribute);
            bool ok = true;
            foreach (IArgumentOperation argument in argumentOperations)
            {
                if (!differentiable[argument.Parameter!.Ordinal] && IsActiveArgument(argument.Value))
                {
                    Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NonDifferentiableArgument, argument.Syntax.GetLocation(),
                        argument.Parameter.Name, method.Name));
                    ok = false;
                }
            }

            foreach (IArgumentOperation argument in argumentOperations)
            {
                if (LocalArrayOf(argument.Value) is { } array && LocalArrayPassProblem(array, invocation) is { } arrayProblem)
                {
                    Unsupported(argument.Value, DiagnosticDescriptors.UnsupportedExpression, "local array '" + array.Name + "' passed to '"
                        + method.Name + "'", arrayProblem);
                    ok = false;
                }
            }

            if (!ok)
            {
                return null;
            }

            if (SymbolEqualityComparer.Default.Equals(definition.ContainingAssembly, compilation.Assembly))
            {
                CallSites.Add(new LocatedCall(MethodParser.KeyOf(definition), method.ContainingType.Name + "." + method.Name,
                    LocationInfo.From(invocation.Syntax.GetLocation())));
            }

            var parameters = method.Parameters
                .Select(p => KnownSymbols.ToSequence(p.Type) is var (kind, element)
                    ? new ParameterModel(p.Name, element, differentiable[p.Ordinal], kind)
                    : new ParameterModel(p.Name, KnownSymbols.ToScalarType(p.Type) ?? ScalarType.Double, differentiable[p.Ordinal]))
                .ToEquatableArray();
            string gradientName = Owner(method) + "." + Identifiers.Identifier(method.Name + MethodModel.GradientSuffix);
            string qualifiedName = Owner(method) + "." + Identifiers.Identifier(method.Name);
            return new DifferentiableCall(new CalleeModel(gradientName, qualifiedName, method.Name, parameters), arguments.ToEquatableArray());
        }

        /// <summary>A call of a method whose derivative the user supplied: every first-order mode goes through that derivative.</summary>
        private Expr? ParseSuppliedCall(IInvocationOperation invocation, IMethodSymbol method, IMethodSymbol supplied,
            List<IArgumentOperation> argumentOperations, List<Expr> arguments)
        {
            string through = "a call of '" + method.ContainingType.Name + "." + method.Name + "' goes through the derivative supplied for it, '"
                + supplied.ContainingType.Name + "." + supplied.Name + "', ";
            if ((requested & DerivativeKindsExtensions.SecondOrder) is var secondOrder and not DerivativeKinds.None)
            {
                string kinds = string.Join(" and ", secondOrder.Each().Select(kind => "'" + methodName + kind.Suffix() + "'"));
                Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DerivativeNotAvailable, invocation.Syntax.GetLocation(), kinds, methodName,
                    through + "which gives first derivatives only; ask for second derivatives where the call is not made, or only for first ones here"));
                return null;
            }

            foreach (IArgumentOperation argument in argumentOperations)
            {
                if (LocalArrayOf(argument.Value) is { } array && LocalArrayPassProblem(array, invocation) is { } arrayProblem)
                {
                    return Unsupported(argument.Value, DiagnosticDescriptors.UnsupportedExpression, "local array '" + array.Name + "' passed to '"
                        + method.Name + "'", arrayProblem);
                }
            }

            var parameters = method.Parameters
                .Select(p => KnownSymbols.ToSequence(p.Type) is var (kind, element)
                    ? new ParameterModel(p.Name, element, SuppliedDerivatives.IsDifferentiable(p), kind)
                    : new ParameterModel(p.Name, KnownSymbols.ToScalarType(p.Type)!.Value, SuppliedDerivatives.IsDifferentiable(p)))
                .ToEquatableArray();
            var callee = new CalleeModel(QualifiedMethodName(supplied), QualifiedMethodName(method), method.Name, parameters, IsSupplied: true);
            return new DifferentiableCall(callee, arguments.ToEquatableArray());
        }

        /// <summary>The first kind this method asks for that the callee does not generate, or null.</summary>
        /// <summary>Why second derivatives cannot go through this call (its second-order core is internal to its assembly), or null.</summary>
        private string? SecondOrderCallProblem(IMethodSymbol callee, List<Expr> arguments) =>
            !SymbolEqualityComparer.Default.Equals(callee.ContainingAssembly, compilation.Assembly) ? "of another assembly"
            : arguments.Any(argument => argument is SequenceArgument) ? "that passes a whole array or span"
            : null;

        private DerivativeKinds? MissingDerivative(IMethodSymbol callee, AttributeData attribute)
        {
            bool local = SymbolEqualityComparer.Default.Equals(callee.ContainingAssembly, compilation.Assembly);
            DerivativeKinds generated = KnownSymbols.RequestedDerivatives(attribute);
            foreach (DerivativeKinds kind in requested.Each().SelectMany(k => k.CalleeKinds().Each()).Distinct())
            {
                // A callee from a referenced assembly had its methods generated there: look for the one needed.
                bool has = local ? (generated & kind) != 0 : callee.ContainingType.GetMembers(callee.Name + kind.Suffix()).Any();
                if (!has)
                {
                    return kind;
                }
            }

            return null;
        }

        private string? CalleeProblem(IMethodSymbol callee, AttributeData attribute)
        {
            // A method called many times is checked once per parse.
            if (!calleeProblems.TryGetValue(callee, out string? problem))
            {
                problem = FindCalleeProblem(callee, attribute);
                calleeProblems[callee] = problem;
            }

            return problem;
        }

        private string? FindCalleeProblem(IMethodSymbol callee, AttributeData attribute)
        {
            if (SymbolEqualityComparer.Default.Equals(callee.ContainingAssembly, compilation.Assembly))
            {
                // A partial method is checked where its body is, as the generator reads it.
                return SignatureChecks.Check(callee.PartialImplementationPart ?? callee, attribute).FirstOrDefault()?.Descriptor.Title.ToString();
            }

            // A callee from a referenced assembly had its gradient generated there.
            return callee.ContainingType.GetMembers(callee.Name + MethodModel.GradientSuffix).Any()
                ? null
                : "its assembly has no '" + callee.Name + MethodModel.GradientSuffix + "'";
        }

        /// <summary>The local array an argument passes whole, if it does.</summary>
        private ILocalSymbol? LocalArrayOf(IOperation argument) =>
            Unwrap(argument) is ILocalReferenceOperation reference && localArrays.ContainsKey(reference.Local) ? reference.Local : null;

        /// <summary>Whether an argument depends on a differentiated value: a value, or an array (parameter or local) that does.</summary>
        private bool IsActiveArgument(IOperation argument) =>
            activity.IsActive(argument)
            || (Unwrap(argument) is IParameterReferenceOperation sequence && activity.IsActiveSequence(sequence.Parameter))
            || (LocalArrayOf(argument) is { } array && activity.IsActiveArray(array));

        /// <summary>
        /// Why a local array cannot be passed whole to a [Differentiable] method, or null when it can. The backward sweep
        /// calls the method's gradient with the array as it is then, so the array must still hold what the call saw: not a
        /// new array of each loop iteration, no element written after the call, nor in a loop around the call (the next
        /// iteration would write it after).
        /// </summary>
        private string? LocalArrayPassProblem(ILocalSymbol array, IInvocationOperation call)
        {
            if (arraysCreatedInLoops.Contains(array))
            {
                return "an array created inside a loop cannot be passed whole; create it once before the loop";
            }

            IOperation root = call;
            var loopsAround = new List<SyntaxNode>();
            while (root.Parent is { } parent)
            {
                if (parent is ILoopOperation loop)
                {
                    loopsAround.Add(loop.Syntax);
                }

                root = parent;
            }

            // The method's element writes, found once per parse: every call passing a local array checks them.
            elementWrites ??= root.Descendants()
                .Select(o => (Array: ElementWritten(o), Write: o.Syntax))
                .Where(w => w.Array is not null)
                .ToLookup(w => w.Array!, w => w.Write, SymbolEqualityComparer.Default);

            // (A write that ends after the call starts comes after it: k[0] = Sum(k) writes k[0] once Sum has run.)
            bool writtenAfter = elementWrites[array].Any(write =>
                write.Span.End > call.Syntax.SpanStart || loopsAround.Any(l => l.Span.Contains(write.Span)));
            return writtenAfter
                ? "the gradient calls '" + call.TargetMethod.Name + MethodModel.GradientSuffix
                    + "' with the array as the call saw it, so no element may be written after the call (or in a loop around it); "
                    + "pass a copy made for the call, or finish writing the array first"
                : null;
        }

        /// <summary>The local array whose element an assignment, compound assignment or increment writes.</summary>
        private static ILocalSymbol? ElementWritten(IOperation operation) => operation switch
        {
            IAssignmentOperation { Target: IArrayElementReferenceOperation { ArrayReference: ILocalReferenceOperation array } } => array.Local,
            IIncrementOrDecrementOperation { Target: IArrayElementReferenceOperation { ArrayReference: ILocalReferenceOperation array } } => array.Local,
            _ => null,
        };
    }
}
