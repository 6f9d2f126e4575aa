using System.Text;

namespace Fluxion.Generator.Emission
{
    /// <summary>Lines of C# with four-space indentation and braces on their own lines.</summary>
    internal sealed class CodeWriter
    {
        private readonly StringBuilder builder = new StringBuilder();
        private int depth;

        /// <summary>Writes <paramref name="text"/> at the current indentation; a directive (<c>#pragma</c>) among its lines starts its own line.</summary>
        public void Line(string text = "")
        {
            if (text.IndexOf('\n') < 0)
            {
                builder.Append(' ', text.Length > 0 ? depth * 4 : 0).Append(text).Append('\n');
                return;
            }

            foreach (string line in text.Split('\n'))
            {
                if (line.Length > 0)
                {
                    builder.Append(' ', line[0] == '#' ? 0 : depth * 4).Append(line);
                }

                builder.Append('\n');
            }
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
