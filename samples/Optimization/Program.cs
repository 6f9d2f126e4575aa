using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using Fluxion;
using Fluxion.Samples.Optimization;
using Spectre.Console;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var clock = Stopwatch.StartNew();

// Usage: Optimization [--output DIRECTORY]; the PNGs go to samples/Optimization/output by default.
string outputDirectory;
if (args.Length == 2 && args[0] == "--output")
{
    outputDirectory = Path.GetFullPath(args[1]);
}
else if (args.Length == 0)
{
    outputDirectory = Assembly.GetExecutingAssembly().GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "DefaultOutputDirectory").Value!;
}
else
{
    Console.Error.WriteLine("usage: Optimization [--output DIRECTORY]");
    return 2;
}

// Synthetic data for the fit: y = a·e^(−b·t) + c at evenly spaced times, plus Gaussian noise of a fixed seed.
const int FitSeed = 3, Observations = 40;
const double TrueAmplitude = 2.5, TrueRate = 1.3, TrueOffset = 0.5, Noise = 0.02, LastTime = 4.0;
// How close a minimiser must end: to (1, …, 1) on Rosenbrock, to Newton's fit on the decay model.
const double RequiredDistance = 1e-6;

var (times, observed) = DecayData(Observations, LastTime, TrueAmplitude, TrueRate, TrueOffset, Noise, new Random(FitSeed));
Problem[] problems = { Rosenbrock(10), Rosenbrock(100), DecayFit(times, observed) };

// (1) The generated derivatives against central differences, at each start.
Console.WriteLine("Gradient checks at the starting points (GradientCheck against central differences):");
Console.WriteLine();
bool checksPassed = true;
foreach (Problem problem in problems)
{
    GradientCheckResult gradient = GradientCheck.Check(problem.Value, problem.Start, problem.Gradient(problem.Start));
    GradientCheckResult hessian = GradientCheck.CheckHessian(
        (x, g) => problem.ValueAndGradient(x, g), problem.Start, problem.Hessian(problem.Start));
    Console.WriteLine($"  {problem.Name}:");
    Console.WriteLine($"    {gradient}");
    Console.WriteLine($"    {hessian}");
    checksPassed &= gradient.Passed && hessian.Passed;
}
Console.WriteLine();

// (2) Each minimiser with the generated gradient and with finite differences; Newton with the generated Hessian.
var results = new List<RunResult>();
foreach (Problem problem in problems)
{
    results.Add(Runs.Bfgs(problem, GradientSource.Generated));
    results.Add(Runs.Bfgs(problem, GradientSource.FiniteDifferences));
    results.Add(Runs.LimitedMemoryBfgs(problem, GradientSource.Generated));
    results.Add(Runs.LimitedMemoryBfgs(problem, GradientSource.FiniteDifferences));
    results.Add(Runs.Newton(problem));
}

if (!AnsiConsole.Profile.Capabilities.Interactive)
{
    AnsiConsole.Profile.Width = 160; // redirected output: one table row per line
}
var table = new Table().Title("MathNet.Numerics minimisers, generated derivatives against finite differences");
foreach (string column in new[] { "problem", "method", "gradient", "iterations", "calls", "gradients", "final f", "max error in x", "ms", "exit" })
{
    table.AddColumn(new TableColumn(column));
}
foreach (RunResult run in results)
{
    table.AddRow(
        run.Problem.Name, run.Method, Runs.Describe(run.Source), $"{run.Iterations}", $"{run.Calls}", $"{run.Gradients}",
        $"{run.Value:E3}", run.Problem.Minimum is null ? "-" : $"{run.DistanceFromMinimum:E1}", $"{run.Elapsed.TotalMilliseconds:F1}", run.Exit);
}
AnsiConsole.Write(table);
Console.WriteLine("  calls: values and gradients asked for; a generated gradient or Hessian counts 1, a finite-difference gradient 2n");
Console.WriteLine();

// (3) Where each run ended.
bool converged = true;
RunResult newtonFit = results.Single(run => run.Problem == problems[2] && run.Method == "Newton");
Console.WriteLine("Minima found:");
foreach (RunResult run in results)
{
    string label = $"{run.Problem.Name}, {run.Method} ({Runs.Describe(run.Source)})";
    if (run.Problem.Minimum is not null)
    {
        Console.WriteLine($"  {label}: f = {run.Value:E3}, largest |x_i - 1| = {run.DistanceFromMinimum:E2}");
        converged &= run.Source != GradientSource.Generated || run.DistanceFromMinimum < RequiredDistance;
        continue;
    }

    double fromNewton = run.Point.Zip(newtonFit.Point, (mine, newton) => Math.Abs(mine - newton)).Max();
    Console.WriteLine(
        $"  {label}: a = {run.Point[0]:F6}, b = {run.Point[1]:F6}, c = {run.Point[2]:F6}, largest difference from Newton's fit {fromNewton:E2}");
    converged &= run.Source != GradientSource.Generated || fromNewton < RequiredDistance;
}
Console.WriteLine($"  (the data were made with a = {TrueAmplitude}, b = {TrueRate}, c = {TrueOffset} and noise of standard deviation {Noise})");
Console.WriteLine();

// (4) Convergence plots.
Directory.CreateDirectory(outputDirectory);
Console.WriteLine("Plots");
Console.WriteLine();
foreach (Problem problem in problems)
{
    RunResult[] runs = results.Where(run => run.Problem == problem).ToArray();
    double floor = problem.Minimum is null ? runs.Min(run => run.Value) : 0.0;
    string path = Path.Combine(outputDirectory, $"convergence-{FileName(problem.Name)}.png");
    Plots.Convergence(path, $"{problem.Name}: convergence", runs, floor);
    Console.WriteLine($"  {path}");
}
Console.WriteLine();

bool success = checksPassed && converged;
Console.WriteLine(
    $"{(success ? "Success" : "FAILURE")}: gradient checks {(checksPassed ? "passed" : "FAILED")}, every run on generated derivatives " +
    $"{(converged ? "reached" : "did NOT reach")} the minimum within {RequiredDistance:E0}, in {clock.Elapsed.TotalSeconds:F1} s");
return success ? 0 : 1;

// "Rosenbrock n = 10" → "rosenbrock-n10".
static string FileName(string name) => name.ToLowerInvariant().Replace(" = ", "").Replace(' ', '-');

// Extended Rosenbrock in n dimensions from the classic start (−1.2, 1, −1.2, 1, …).
static Problem Rosenbrock(int n)
{
    double[] start = Enumerable.Range(0, n).Select(i => i % 2 == 0 ? -1.2 : 1.0).ToArray();
    return new Problem(
        $"Rosenbrock n = {n}",
        Objectives.ExtendedRosenbrock,
        (x, gradient) => Objectives.ExtendedRosenbrock_Grad(x, gradient),
        (x, gradient, hessian) => Objectives.ExtendedRosenbrock_Hessian(x, gradient, hessian),
        start,
        Enumerable.Repeat(1.0, n).ToArray());
}

// Least squares of y = a·e^(−b·t) + c over (a, b, c), from a rough guess; its minimiser is not known in closed form.
static Problem DecayFit(double[] times, double[] observed)
{
    return new Problem(
        "decay fit",
        p => Objectives.DecaySumOfSquares(p[0], p[1], p[2], times, observed),
        (p, gradient) => Objectives.DecaySumOfSquares_Grad(p[0], p[1], p[2], times, observed, out gradient[0], out gradient[1], out gradient[2]),
        (p, gradient, hessian) => Objectives.DecaySumOfSquares_Hessian(p[0], p[1], p[2], times, observed, gradient, hessian),
        new[] { 1.0, 0.5, 0.0 },
        null);
}

static (double[] Times, double[] Observed) DecayData(
    int count, double lastTime, double amplitude, double rate, double offset, double noise, Random random)
{
    double[] times = new double[count], observed = new double[count];
    for (int k = 0; k < count; k++)
    {
        times[k] = lastTime * k / (count - 1);
        // Box–Muller: a standard normal draw from two uniform ones.
        double gaussian = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
        observed[k] = amplitude * Math.Exp(-rate * times[k]) + offset + noise * gaussian;
    }

    return (times, observed);
}
