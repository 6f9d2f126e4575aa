namespace Fluxion.CodeFixes
{
    /// <summary>The IDs these fixes answer; stable, as documented in docs/diagnostics.</summary>
    internal static class DiagnosticIds
    {
        public const string ContainingTypeNotPartial = "FLX0001";
        public const string MethodNotStatic = "FLX0002";
        public const string UnsupportedExpression = "FLX0006";
        public const string NoKnownDerivative = "FLX0007";
        public const string UnknownParameterName = "FLX0010";
        public const string GeneratedNameCollision = "FLX0011";
    }
}
