namespace Fluxion.Generator.Model
{
    /// <summary>
    /// The names generated methods give their own parameters (fixed: callers may name them, and a parameter of the method
    /// with one of them is FLX0011) and the Jacobian's locals (preferred names, given a suffix where a parameter has one).
    /// </summary>
    internal static class GeneratedNames
    {
        /// <summary><c>F_Jvp</c>'s output: the directional derivative (one double, or a span of one per output of a vector-valued method).</summary>
        public const string Derivative = "derivative";

        /// <summary><c>F_Vjp</c>'s weights of the outputs, u in uᵀJ.</summary>
        public const string Cotangent = "cotangent";

        public const string Jacobian = "jacobian";
        public const string Inputs = "inputs";
        public const string Row = "row";
        public const string Unit = "unit";
        public const string UnitStorage = "unit_storage";
        public const string Partials = "partials";
        public const string Column = "column";
        public const string Tangents = "tangents";
        public const string TangentsStorage = "tangents_storage";
        public const string Initial = "initial";
        public const string InitialStorage = "initial_storage";
    }
}
