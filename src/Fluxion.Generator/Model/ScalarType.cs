namespace Fluxion.Generator.Model
{
    /// <summary>The value types the intermediate form knows. Only <see cref="Double"/> values carry derivatives.</summary>
    internal enum ScalarType
    {
        Double,
        Int32,
        Int64,
        Int16,
        UInt16,
        UInt32,
        UInt64,
        Byte,
        SByte,
        Boolean,
    }

    internal static class ScalarTypeExtensions
    {
        public static string Keyword(this ScalarType type) => type switch
        {
            ScalarType.Double => "double",
            ScalarType.Int32 => "int",
            ScalarType.Int64 => "long",
            ScalarType.Int16 => "short",
            ScalarType.UInt16 => "ushort",
            ScalarType.UInt32 => "uint",
            ScalarType.UInt64 => "ulong",
            ScalarType.Byte => "byte",
            ScalarType.SByte => "sbyte",
            _ => "bool",
        };

        public static bool IsInteger(this ScalarType type) => type != ScalarType.Double && type != ScalarType.Boolean;

        /// <summary>The type C# computes <c>a op b</c> in (binary numeric promotion): byte, sbyte, short and ushort become int.</summary>
        public static ScalarType Promote(ScalarType left, ScalarType right)
        {
            if (left == ScalarType.Double || right == ScalarType.Double)
            {
                return ScalarType.Double;
            }

            if (left == ScalarType.UInt64 || right == ScalarType.UInt64)
            {
                return ScalarType.UInt64;
            }

            bool signed = IsSigned(left) || IsSigned(right);
            if (left == ScalarType.Int64 || right == ScalarType.Int64 || ((left == ScalarType.UInt32 || right == ScalarType.UInt32) && signed))
            {
                return ScalarType.Int64;
            }

            return left == ScalarType.UInt32 || right == ScalarType.UInt32 ? ScalarType.UInt32 : ScalarType.Int32;
        }

        private static bool IsSigned(ScalarType type) =>
            type is ScalarType.SByte or ScalarType.Int16 or ScalarType.Int32 or ScalarType.Int64;
    }
}
