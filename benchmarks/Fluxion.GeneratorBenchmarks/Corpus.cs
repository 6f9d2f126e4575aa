using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Fluxion.GeneratorBenchmarks
{
    /// <summary>
    /// A project's worth of source in memory: <c>[Differentiable]</c> methods of about twelve lines each (a loop, a branch,
    /// <see cref="Math"/> calls, locals; some take arrays, some call others) spread over partial classes, one file each,
    /// with plain code beside them and in files of their own. The text is a pure function of the counts, so the benchmark
    /// and the incrementality test see the same project.
    /// </summary>
    public sealed class Corpus
    {
        /// <summary>The parse options of every tree (the driver must be created with the same).</summary>
        public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

        private const int PlainFileCount = 10;

        private readonly int methodsPerFile;

        private Corpus(int methodCount, int fileCount)
        {
            if (methodCount < fileCount || methodCount % fileCount != 0)
            {
                throw new ArgumentException($"{methodCount} methods do not spread evenly over {fileCount} files", nameof(methodCount));
            }

            MethodCount = methodCount;
            FileCount = fileCount;
            methodsPerFile = methodCount / fileCount;
            Trees = Enumerable.Range(0, fileCount).Select(file => Parse(ModelFileText(file, editedMethod: null, keystroke: null), ModelPath(file)))
                .Concat(Enumerable.Range(0, PlainFileCount).Select(file => Parse(PlainFileText(file), "Plain/Service" + file + ".cs")))
                .ToImmutableArray();
            Compilation = CSharpCompilation.Create("GeneratorBenchmarkCorpus", Trees, References.Value,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        }

        /// <summary>How many <c>[Differentiable]</c> methods the corpus holds.</summary>
        public int MethodCount { get; }

        /// <summary>How many files (and partial classes) hold them.</summary>
        public int FileCount { get; }

        /// <summary>Every file: the model files first, in order, then the plain ones.</summary>
        public ImmutableArray<SyntaxTree> Trees { get; }

        /// <summary>The whole project, parsed; nothing in it has been bound yet.</summary>
        public CSharpCompilation Compilation { get; }

        /// <summary>A corpus of <paramref name="methodCount"/> methods over <paramref name="fileCount"/> files.</summary>
        public static Corpus Create(int methodCount, int fileCount) => new(methodCount, fileCount);

        /// <summary>The full name of the generated method's containing type and name, e.g. <c>Bench.Models.Model3.M61</c>.</summary>
        public string FullNameOf(int method) => "Bench.Models.Model" + FileOf(method) + ".M" + method;

        /// <summary>
        /// The tree that holds <paramref name="method"/>, and the same file with one line of that method changed: a constant in
        /// its body, as a person tuning it would change it. Each <paramref name="variant"/> gives the constant another value, for
        /// runs that must not find an earlier run's text.
        /// </summary>
        public (SyntaxTree Old, SyntaxTree New) OneLineEdit(int method, int variant = 0)
        {
            int file = FileOf(method);
            return (Trees[file], Parse(ModelFileText(file, (method, variant), keystroke: null), ModelPath(file)));
        }

        /// <summary>
        /// The tree of model file <paramref name="file"/>, and the same file after one keystroke in a plain method beside the
        /// <c>[Differentiable]</c> ones (a digit added to a number it returns); each <paramref name="variant"/> types another digit.
        /// </summary>
        public (SyntaxTree Old, SyntaxTree New) KeystrokeInPlainMethod(int file, int variant = 0) =>
            (Trees[file], Parse(ModelFileText(file, editedMethod: null, keystroke: 1 + variant % 9), ModelPath(file)));

        private int FileOf(int method) => method / methodsPerFile;

        private static string ModelPath(int file) => "Models/Model" + file + ".cs";

        private static SyntaxTree Parse(string text, string path) => CSharpSyntaxTree.ParseText(text, ParseOptions, path, Encoding.UTF8);

        private string ModelFileText(int file, (int Method, int Variant)? editedMethod, int? keystroke)
        {
            var text = new StringBuilder();
            text.Append($$"""
                using System;
                using System.Collections.Generic;
                using System.Linq;
                using Fluxion;

                namespace Bench.Models
                {
                    /// <summary>Models of group {{file}}.</summary>
                    public static partial class Model{{file}}
                    {
                        private static readonly Dictionary<string, double> Defaults = new() { ["rate"] = 0.{{file + 1}}, ["limit"] = 4.0 };

                        public static int Revision() { return 42{{keystroke}}; }

                        public static string Describe(IReadOnlyList<double> values) =>
                            values.Count == 0 ? "none" : string.Join(", ", values.Select(v => v.ToString("F3")));

                        public static double Default(string name) => Defaults.TryGetValue(name, out double value) ? value : 0.0;

                """);
            for (int method = file * methodsPerFile; method < (file + 1) * methodsPerFile; method++)
            {
                text.Append(MethodText(method, editedMethod?.Method == method ? editedMethod.Value.Variant : null)).Append('\n');
            }

            text.Append($$"""
                    }

                    /// <summary>Plain code of the same group: running statistics, no derivatives.</summary>
                    public sealed class Report{{file}}
                    {
                        private readonly List<double> samples = new();

                        public void Add(double value) => samples.Add(value);

                        public double Mean => samples.Count == 0 ? 0.0 : samples.Average();

                        public double Max => samples.Count == 0 ? double.NaN : samples.Max();

                        public override string ToString() => $"Report{{file}}: {samples.Count} samples, mean {Mean:F3}, max {Max:F3}";
                    }
                }

                """);
            return text.ToString();
        }

        /// <summary>One <c>[Differentiable]</c> method: one in ten a caller, the rest four kinds in turn, so every file holds each kind.</summary>
        private string MethodText(int method, int? editVariant)
        {
            // A constant unique to the method, on a line of its own: the one-line edit changes it.
            double constant = editVariant is int variant ? 2.0 + variant % 10000 / 10000.0 : 1.0 + method / 10000.0;
            string scale = constant.ToString("0.0000", CultureInfo.InvariantCulture);
            if (method % 10 == 9)
            {
                // Calls two methods of the first kind (a multiple of 4, so never a caller): one in its own class, one in the previous file's.
                int local = (method - 1) / 4 * 4;
                int other = (local + MethodCount - methodsPerFile) % MethodCount / 4 * 4;
                return $$"""
                            [Differentiable]
                            public static double M{{method}}(double x, double y)
                            {
                                double scale = {{scale}};
                                double near = M{{local}}(x, y, 3);
                                double far = Model{{FileOf(other)}}.M{{other}}(y, x, 2);
                                double blend = near > far ? near - far : far - near;
                                for (int k = 1; k <= 3; k++)
                                {
                                    blend += Math.Sin(k * x) * scale / k;
                                }
                                return blend * Math.Exp(-0.1 * y * y);
                            }

                    """;
            }

            return (method % 4) switch
            {
                0 => $$"""
                            [Differentiable]
                            public static double M{{method}}(double x, double y, int n)
                            {
                                double scale = {{scale}};
                                double sum = 0.0;
                                for (int k = 0; k < n; k++)
                                {
                                    double t = Math.Sin(x * k + y) * scale;
                                    if (t > 0.0)
                                        sum += t * t;
                                    else
                                        sum -= Math.Exp(t) * x;
                                }
                                return sum / (1.0 + y * y);
                            }

                    """,
                1 => $$"""
                            [Differentiable(nameof(weights), nameof(bias))]
                            public static double M{{method}}(double[] weights, double[] inputs, double bias)
                            {
                                double scale = {{scale}};
                                double total = bias;
                                for (int k = 0; k < weights.Length; k++)
                                {
                                    double product = weights[k] * inputs[k];
                                    total += product > 0.0 ? product : scale * 0.01 * product;
                                }
                                if (total > 10.0)
                                    total = 10.0 + Math.Log(total - 9.0);
                                return Math.Tanh(total) + Math.Sqrt(bias * bias + 1.0);
                            }

                    """,
                2 => $$"""
                            [Differentiable]
                            public static double M{{method}}(double position, double velocity, double drag)
                            {
                                double scale = {{scale}};
                                double dt = 0.01 * scale;
                                for (int step = 0; step < 8; step++)
                                {
                                    double speed = Math.Abs(velocity);
                                    double force = -drag * speed * velocity - 9.81;
                                    velocity += force * dt;
                                    position += velocity * dt;
                                }
                                double penalty = position < 0.0 ? position * position : 0.0;
                                return position + Math.Pow(velocity, 2) * 0.5 + penalty;
                            }

                    """,
                _ => $$"""
                            [Differentiable]
                            public static double M{{method}}(double[] samples, double mean, double spread)
                            {
                                double scale = {{scale}};
                                double variance = spread * spread + 1e-6;
                                double loss = 0.5 * samples.Length * Math.Log(2.0 * Math.PI * variance);
                                foreach (double sample in samples)
                                {
                                    double z = (sample - mean) / Math.Sqrt(variance);
                                    loss += Math.Abs(z) < 3.0 ? 0.5 * z * z : 3.0 * Math.Abs(z) - 4.5;
                                }
                                if (loss > 1e3)
                                    loss = 1e3 + Math.Log(loss - 999.0);
                                return loss * scale;
                            }

                    """,
            };
        }

        private static string PlainFileText(int file) => $$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Text;

            namespace Bench.Services
            {
                /// <summary>Plain application code: no derivatives anywhere in this file.</summary>
                public sealed class Service{{file}}
                {
                    private readonly Dictionary<string, List<double>> series = new();

                    public void Record(string name, double value)
                    {
                        if (!series.TryGetValue(name, out List<double>? values))
                        {
                            values = new List<double>();
                            series[name] = values;
                        }

                        values.Add(value);
                    }

                    public IEnumerable<(string Name, double Mean)> Summary() =>
                        series.Where(pair => pair.Value.Count > 0).Select(pair => (pair.Key, pair.Value.Average())).OrderBy(pair => pair.Key);

                    public string Render()
                    {
                        var text = new StringBuilder();
                        foreach ((string name, double mean) in Summary())
                        {
                            text.Append(name).Append(": ").AppendLine(mean.ToString("F4"));
                        }

                        return text.ToString();
                    }

                    public static int Checksum(string text)
                    {
                        int hash = 17;
                        foreach (char c in text)
                        {
                            hash = unchecked(hash * 31 + c);
                        }

                        return hash;
                    }
                }
            }

            """;

        /// <summary>The framework's System assemblies and Fluxion's (for the attribute), as the tests' harness uses.</summary>
        private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        {
            string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
            return trusted.Split(Path.PathSeparator)
                .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System", StringComparison.Ordinal)
                    || name is "netstandard.dll" or "mscorlib.dll"))
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .Append(MetadataReference.CreateFromFile(typeof(DifferentiableAttribute).Assembly.Location))
                .ToImmutableArray();
        });
    }
}
