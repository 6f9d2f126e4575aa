using System.Text;

namespace Fluxion.Generator.Emission
{
    /// <summary>Lines of C# with four-space indentation and braces on their own lines.</summary>
    internal sealed class CodeWriter
    {
        private readonly StringBuilder builder = new StringBuilder();
        private int depth;

        public void Line(string text = "")
        {
            if (text.Length > 0)
            {
                builder.Append(' ', depth * 4).Append(text);
            }

            builder.Append('\n');
        }

        public void Open()
        {
            Line("{");
            depth++;
        }

        public void Close()
        {
            depth--;
            Line("}");
        }

        public override string ToString() => builder.ToString();
    }
}
