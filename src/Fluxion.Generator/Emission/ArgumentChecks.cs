namespace Fluxion.Generator.Emission
{
    /// <summary>The checks every generated method makes of its span arguments before any work, with one wording.</summary>
    internal static class ArgumentChecks
    {
        /// <summary>
        /// <c>if (span.Length != length) throw new ArgumentException("… (n), not m.", "span");</c>, the message starting
        /// with <paramref name="messageStart"/>.
        /// </summary>
        public static void WriteLength(CodeWriter writer, string span, string length, string messageStart)
        {
            writer.Line("if (" + span + ".Length != " + length + ")");
            writer.Open();
            writer.Line("throw new global::System.ArgumentException(\"" + messageStart + " (\" + " + length + " + \"), not \" + " + span
                + ".Length + \".\", " + ParameterName(span) + ");");
            writer.Close();
        }

        /// <summary>Throws unless <paramref name="output"/> shares no memory with <paramref name="other"/>.</summary>
        public static void WriteNoOverlap(CodeWriter writer, string other, string otherName, string output, string messageStart)
        {
            writer.Line("if (global::System.MemoryExtensions.Overlaps((global::System.ReadOnlySpan<double>)" + other
                + ", (global::System.ReadOnlySpan<double>)" + output + "))");
            writer.Open();
            writer.Line("throw new global::System.ArgumentException(\"" + messageStart + " must not share memory with '" + otherName
                + "'.\", " + ParameterName(output) + ");");
            writer.Close();
        }

        /// <summary>
        /// The parameter's name as a string literal, from its printed identifier (<c>@do</c> is "do"). Not <c>nameof</c>: a member
        /// or parameter named <c>nameof</c> would take the call.
        /// </summary>
        private static string ParameterName(string identifier) => "\"" + identifier.TrimStart('@') + "\"";
    }
}
