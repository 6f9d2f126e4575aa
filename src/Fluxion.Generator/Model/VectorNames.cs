namespace Fluxion.Generator.Model
{
    /// <summary>
    /// The names a vector-valued method's generated <c>F_Vjp</c> and <c>F_Jacobian</c> give their own parameters (fixed: callers
    /// may name them) and the Jacobian's locals (preferred names, given a suffix where a parameter has one).
    /// </summary>
    internal static class VectorNames
    {
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
