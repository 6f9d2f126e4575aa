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
    }
}
