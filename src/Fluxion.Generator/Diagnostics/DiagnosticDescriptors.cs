using Microsoft.CodeAnalysis;

namespace Fluxion.Generator.Diagnostics
{
    /// <summary>Every diagnostic Fluxion reports. IDs are stable; each has a page in docs/diagnostics.</summary>
    internal static class DiagnosticDescriptors
    {
        private const string Category = "Fluxion";
        private const string HelpLinkBase = "https://github.com/fluxion-ad/fluxion/blob/main/docs/diagnostics/";

        public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Create(
            "FLX0001",
            "Containing type must be partial",
            "Type '{0}' must be declared partial so that Fluxion can add '{1}' to it");

        public static readonly DiagnosticDescriptor MethodNotStatic = Create(
            "FLX0002",
            "Differentiable method must be static",
            "Method '{0}' must be static: Fluxion differentiates static methods, and instance methods of classes, structs and records, "
                + "not an interface's instance members");

        public static readonly DiagnosticDescriptor UnsupportedParameter = Create(
            "FLX0003",
            "Unsupported parameter",
            "Parameter '{0}' of type '{1}' is not supported: {2}");

        public static readonly DiagnosticDescriptor UnsupportedReturnType = Create(
            "FLX0004",
            "Unsupported return type",
            "Method '{0}' returns '{1}'; a differentiable method must return double, or be void and write its outputs to a last Span<double> parameter");

        public static readonly DiagnosticDescriptor UnsupportedStatement = Create(
            "FLX0005",
            "Unsupported statement",
            "Fluxion cannot differentiate this {0}: {1}");

        public static readonly DiagnosticDescriptor UnsupportedExpression = Create(
            "FLX0006",
            "Unsupported expression",
            "Fluxion cannot differentiate this {0}: {1}");

        public static readonly DiagnosticDescriptor NoKnownDerivative = Create(
            "FLX0007",
            "Call has no known derivative",
            "The call to '{0}' depends on a differentiated value but has no known derivative; {1}");

        public static readonly DiagnosticDescriptor WriteOutsideMethod = Create(
            "FLX0008",
            "Write to state outside the method",
            "'{0}' is not a local or parameter of the method, nor an element of one of its local arrays; a differentiable method may assign only those");

        public static readonly DiagnosticDescriptor NonDeterministicCall = Create(
            "FLX0009",
            "Non-deterministic call",
            "'{0}' is non-deterministic, so the method has no derivative; pass the value in as a parameter instead");

        public static readonly DiagnosticDescriptor UnknownParameterName = Create(
            "FLX0010",
            "Name in [Differentiable] is not a differentiable parameter",
            "'{0}' is not a differentiable parameter of '{1}'; name only double parameters and arrays or spans of double, preferably with nameof");

        public static readonly DiagnosticDescriptor GeneratedNameCollision = Create(
            "FLX0011",
            "Generated name collides",
            "The generated {0} '{1}' collides with {2}; rename one of them");

        public static readonly DiagnosticDescriptor UnsupportedMethodShape = Create(
            "FLX0012",
            "Unsupported kind of method",
            "Method '{0}' cannot be differentiated: {1}");

        public static readonly DiagnosticDescriptor NonDifferentiableArgument = Create(
            "FLX0013",
            "Differentiated value passed to a parameter without a gradient",
            "This argument depends on a differentiated value, but parameter '{0}' of '{1}' gets no gradient; add it to that method's [Differentiable] list");

        public static readonly DiagnosticDescriptor CalleeHasNoGradient = Create(
            "FLX0014",
            "Called method gets no gradient",
            "'{0}' is marked [Differentiable] but gets no gradient ({1}); fix the diagnostic on that method");

        public static readonly DiagnosticDescriptor InternalError = Create(
            "FLX0015",
            "Internal error in Fluxion",
            "Fluxion failed to generate the gradient of '{0}': {1}. Please report this with the method's code.");

        public static readonly DiagnosticDescriptor DerivativeNotAvailable = Create(
            "FLX0016",
            "Requested derivative cannot be generated",
            "Fluxion cannot generate {0} for '{1}': {2}");

        public static readonly DiagnosticDescriptor CalleeLacksDerivative = Create(
            "FLX0017",
            "Called method does not generate a derivative this method needs",
            "'{0}' generates no '{1}', which the derivatives this method asks for call; add Derivatives.{2} to that method's [Differentiable]");

        public static readonly DiagnosticDescriptor SuppliedDerivativeMismatch = Create(
            "FLX0018",
            "Supplied derivative does not fit its target",
            "'{0}' cannot be the derivative of '{1}': {2}");

        /// <summary>Every descriptor above (after them: static fields initialise in order).</summary>
        public static readonly System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> All = System.Collections.Immutable.ImmutableArray.Create(
            ContainingTypeNotPartial,
            MethodNotStatic,
            UnsupportedParameter,
            UnsupportedReturnType,
            UnsupportedStatement,
            UnsupportedExpression,
            NoKnownDerivative,
            WriteOutsideMethod,
            NonDeterministicCall,
            UnknownParameterName,
            GeneratedNameCollision,
            UnsupportedMethodShape,
            NonDifferentiableArgument,
            CalleeHasNoGradient,
            InternalError,
            DerivativeNotAvailable,
            CalleeLacksDerivative,
            SuppliedDerivativeMismatch);

        private static DiagnosticDescriptor Create(string id, string title, string message) =>
            new DiagnosticDescriptor(
                id,
                title,
                message,
                Category,
                DiagnosticSeverity.Error,
                isEnabledByDefault: true,
                helpLinkUri: HelpLinkBase + id + ".md");
    }
}
