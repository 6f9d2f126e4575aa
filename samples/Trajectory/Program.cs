using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using Fluxion;
using Fluxion.Samples.Trajectory;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var clock = Stopwatch.StartNew();

// Usage: Trajectory [--output DIRECTORY]; the PNG goes to samples/Trajectory/output by default.
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
    Console.Error.WriteLine("usage: Trajectory [--output DIRECTORY]");
    return 2;
}

// The ball: drag k = ρ·C_d·A / 2m in 1/m (about a tennis ball's); the integrator's step; the target.
const double Drag = 0.01, Step = 0.01;
const int MaxSteps = 10_000;
const double TargetDistance = 80.0, TargetTime = 4.5;
const double StartAngle = 45.0, StartSpeed = 25.0;
// How close the final launch must land: in distance (m) and in time (s).
const double DistanceTolerance = 1e-3, TimeTolerance = 1e-4;

double Miss(double[] launch) => Flight.Miss(launch[0], launch[1], Drag, TargetDistance, TargetTime, Step, MaxSteps);
double MissAndGradient(double[] launch, double[] gradient) =>
    Flight.Miss_Grad(launch[0], launch[1], Drag, TargetDistance, TargetTime, Step, MaxSteps, out gradient[0], out gradient[1]);

Console.WriteLine($"A ball with quadratic drag (k = {Drag} 1/m), RK4 with steps of {Step} s; target: land {TargetDistance} m away after {TargetTime} s.");
Console.WriteLine("Unknowns: launch angle (degrees) and speed (m/s). Loss: (x_land - D)^2 + (t_land - T)^2, in metres and seconds.");
Console.WriteLine();

// (1) The generated gradient, through hundreds of RK4 steps and a data-dependent stop, against central differences.
Console.WriteLine("Gradient checks (Miss_Grad against central differences of Miss):");
bool checksPassed = true;
foreach (double[] launch in new[] { new[] { StartAngle, StartSpeed }, new[] { 60.0, 40.0 }, new[] { 20.0, 30.0 } })
{
    double[] gradient = new double[2];
    MissAndGradient(launch, gradient);
    GradientCheckResult check = GradientCheck.Check(Miss, launch, gradient);
    checksPassed &= check.Passed;
    Console.WriteLine($"  at {launch[0]} deg, {launch[1]} m/s: {check}");
}
Console.WriteLine();

// (2) BFGS on the generated gradient, printing each launch whose loss is at most half the last one printed (the line
// search also tries launches that improve by a hair, and a few that are worse).
Console.WriteLine("BFGS (MathNet.Numerics) on Miss_Grad; the start and each launch that at least halves the loss printed before:");
Console.WriteLine();
Console.WriteLine($"  {"eval",5} {"angle (deg)",14} {"speed (m/s)",14} {"lands at (m)",14} {"after (s)",12} {"loss",12}");
var improvements = new List<double[]>();
int evaluations = 0;
double best = double.PositiveInfinity; // the loss last printed
void Record(double[] launch, double loss)
{
    evaluations++;
    if (!(loss <= best / 2.0)) return;
    best = loss;
    improvements.Add(launch);
    Landing landing = Flight.Trace(launch[0], launch[1], Drag, Step, MaxSteps);
    Console.WriteLine($"  {evaluations,5} {launch[0],14:F8} {launch[1],14:F8} {landing.Distance,14:F8} {landing.Time,12:F8} {loss,12:E3}");
}

IObjectiveFunction objective = ObjectiveFunction.Gradient(launchVector =>
{
    double[] launch = launchVector.ToArray(), gradient = new double[2];
    double loss = MissAndGradient(launch, gradient);
    Record(launch, loss);
    return (loss, Vector<double>.Build.DenseOfArray(gradient));
});
var minimizer = new BfgsMinimizer(gradientTolerance: 1e-14, parameterTolerance: 1e-12, functionProgressTolerance: 1e-20, maximumIterations: 1000);
MinimizationResult result = minimizer.FindMinimum(objective, Vector<double>.Build.DenseOfArray(new[] { StartAngle, StartSpeed }));
double[] final = result.MinimizingPoint.ToArray();
Landing finalLanding = Flight.Trace(final[0], final[1], Drag, Step, MaxSteps);
Console.WriteLine();
Console.WriteLine($"  {result.Iterations} iterations, {evaluations} evaluations of Miss_Grad, exit: {result.ReasonForExit}");
Console.WriteLine($"  launch at {final[0]:F6} deg and {final[1]:F6} m/s");
Console.WriteLine($"  lands {finalLanding.Distance:F6} m away after {finalLanding.Time:F6} s " +
    $"(misses by {finalLanding.Distance - TargetDistance:E2} m and {finalLanding.Time - TargetTime:E2} s)");
// Trace repeats Miss's RK4 steps to keep the path: both must land in the same place, to the last bit.
double tracedDistanceMiss = finalLanding.Distance - TargetDistance, tracedTimeMiss = finalLanding.Time - TargetTime;
bool sameFlight = tracedDistanceMiss * tracedDistanceMiss + tracedTimeMiss * tracedTimeMiss == Miss(final);
Console.WriteLine($"  Trace and Miss fly the same flight: {(sameFlight ? "yes" : "NO")}");
Landing vacuum = Flight.Trace(final[0], final[1], 0.0, Step, MaxSteps);
Console.WriteLine($"  without drag the same launch would land {vacuum.Distance:F2} m away after {vacuum.Time:F2} s");
Console.WriteLine();

// (3) The picture.
Directory.CreateDirectory(outputDirectory);
string path = Path.Combine(outputDirectory, "trajectories.png");
Plots.Trajectories(path, improvements.Select(launch => Flight.Trace(launch[0], launch[1], Drag, Step, MaxSteps)).ToArray(), vacuum, TargetDistance);
Console.WriteLine("Plot");
Console.WriteLine();
Console.WriteLine($"  {path}");
Console.WriteLine();

bool hit = Math.Abs(finalLanding.Distance - TargetDistance) < DistanceTolerance && Math.Abs(finalLanding.Time - TargetTime) < TimeTolerance;
bool success = checksPassed && hit && sameFlight;
Console.WriteLine(
    $"{(success ? "Success" : "FAILURE")}: gradient checks {(checksPassed ? "passed" : "FAILED")}, the target {(hit ? "hit" : "NOT hit")} " +
    $"within {DistanceTolerance} m and {TimeTolerance} s, in {clock.Elapsed.TotalSeconds:F1} s");
return success ? 0 : 1;
