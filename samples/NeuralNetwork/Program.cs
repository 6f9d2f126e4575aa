using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using Fluxion.Samples.NeuralNetwork;
using Spectre.Console;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var clock = Stopwatch.StartNew();

// Usage: NeuralNetwork [--output DIRECTORY]; the PNGs go to samples/NeuralNetwork/output by default.
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
    Console.Error.WriteLine("usage: NeuralNetwork [--output DIRECTORY]");
    return 2;
}

// Settings: fixed seeds, full-batch gradient descent, initial weights uniform in [−1, 1].
const double Lambda = 1e-3;       // L2 strength λ
const double InitRange = 1.0;

const int XorSeed = 1;
var xorNet = new Architecture(Inputs: 2, Hidden: 2, Outputs: 1); // the founding lesson's network
const double XorRate = 2.0;
const int XorEpochs = 3000;

const int MoonsSeed = 1, MoonsTestSeed = 2, MoonsCount = 200;
const double MoonsNoise = 0.15;
var moonsNet = new Architecture(Inputs: 2, Hidden: 16, Outputs: 1);
const double MoonsRate = 5.0;
const int MoonsEpochs = 2000;
const double RequiredAccuracy = 0.95;

Dataset xor = Dataset.Xor();
Dataset moons = Dataset.Moons(MoonsCount, MoonsNoise, MoonsSeed);
Dataset moonsTest = Dataset.Moons(MoonsCount, MoonsNoise, MoonsTestSeed);
var (xorTheta1, xorTheta2) = xorNet.RandomWeights(new Random(XorSeed), InitRange);
var (moonsTheta1, moonsTheta2) = moonsNet.RandomWeights(new Random(MoonsSeed), InitRange);

// (1) The generated gradient against the hand-derived backpropagation, at the initial weights.
Console.WriteLine($"Gradient check: Network.Cost_Grad (generated) against backpropagation (by hand), lambda {Lambda}");
Console.WriteLine();
Console.WriteLine($"{xorNet} network on XOR, initial weights of seed {XorSeed}:");
Console.WriteLine();
Check(xorNet, xorTheta1, xorTheta2, xor, "XOR, 4 samples", printTable: true);
Console.WriteLine();
Console.WriteLine("Other sizes, at their initial weights:");
Console.WriteLine();
Check(moonsNet, moonsTheta1, moonsTheta2, moons, $"moons, {moons.Count} samples", printTable: false);
var wideNet = new Architecture(Inputs: 3, Hidden: 5, Outputs: 2);
var wideRandom = new Random(3);
var (wideTheta1, wideTheta2) = wideNet.RandomWeights(wideRandom, InitRange);
Dataset wide = Dataset.Random(10, wideNet.Inputs, wideNet.Outputs, wideRandom);
Check(wideNet, wideTheta1, wideTheta2, wide, $"random data, {wide.Count} samples", printTable: false);
Console.WriteLine();

// (2a) XOR with the lesson's 2-2-1 network.
Console.WriteLine($"Training the {xorNet} network on XOR (gradient descent, learning rate {XorRate}, {XorEpochs} epochs)");
Console.WriteLine();
var xorClock = Stopwatch.StartNew();
History xorHistory = Train("XOR", xorNet, xorTheta1, xorTheta2, xor, null, XorRate, XorEpochs, printEvery: 250);
xorClock.Stop();
Console.WriteLine();
Console.WriteLine($"  {"x1",2} {"x2",2}   {"a3",8}   {"class",5}   {"target",6}");
for (int i = 0; i < xor.Count; i++)
{
    double a3 = Backprop.Predict(xorNet, xorTheta1, xorTheta2, xor.Input(i));
    Console.WriteLine($"  {xor.X[2 * i],2} {xor.X[2 * i + 1],2}   {a3,8:F6}   {(a3 >= 0.5 ? 1 : 0),5}   {xor.Y[i],6}");
}
int xorCorrect = Trainer.Correct(xorNet, xorTheta1, xorTheta2, xor);
Console.WriteLine();
Console.WriteLine($"  {xorCorrect} of {xor.Count} correct ({xorClock.Elapsed.TotalSeconds:F2} s)");
Console.WriteLine();

// (2b) Two interleaved moons with a wider hidden layer.
Console.WriteLine($"Training the {moonsNet} network on two moons ({moons.Count} training and {moonsTest.Count} test samples, noise {MoonsNoise};");
Console.WriteLine($"gradient descent, learning rate {MoonsRate}, {MoonsEpochs} epochs)");
Console.WriteLine();
var moonsClock = Stopwatch.StartNew();
History moonsHistory = Train("moons", moonsNet, moonsTheta1, moonsTheta2, moons, moonsTest, MoonsRate, MoonsEpochs, printEvery: 200);
moonsClock.Stop();
int moonsCorrect = Trainer.Correct(moonsNet, moonsTheta1, moonsTheta2, moons);
int moonsTestCorrect = Trainer.Correct(moonsNet, moonsTheta1, moonsTheta2, moonsTest);
double moonsAccuracy = (double)moonsCorrect / moons.Count;
double moonsTestAccuracy = (double)moonsTestCorrect / moonsTest.Count;
Console.WriteLine();
Console.WriteLine($"  training accuracy {moonsCorrect} of {moons.Count} = {Percent(moonsAccuracy)}");
Console.WriteLine($"  test accuracy {moonsTestCorrect} of {moonsTest.Count} = {Percent(moonsTestAccuracy)} ({moonsClock.Elapsed.TotalSeconds:F2} s)");
Console.WriteLine();

// (3) Pictures.
Directory.CreateDirectory(outputDirectory);
string lossPath = Path.Combine(outputDirectory, "loss.png");
string boundaryPath = Path.Combine(outputDirectory, "moons-boundary.png");
Plots.Losses(lossPath, "Loss during training (full-batch gradient descent)", new[]
{
    new Plots.Curve($"XOR, {xorNet}, training", xorHistory.Loss, ScottPlot.Color.FromHex("#2ca02c")),
    new Plots.Curve($"moons, {moonsNet}, training", moonsHistory.Loss, ScottPlot.Color.FromHex("#1f77b4")),
    new Plots.Curve($"moons, {moonsNet}, test", moonsHistory.TestLoss!, ScottPlot.Color.FromHex("#ff7f0e")),
});
Plots.DecisionBoundary(
    boundaryPath,
    $"Two moons: {moonsNet} network, test accuracy {Percent(moonsTestAccuracy)}",
    moonsNet, moonsTheta1, moonsTheta2, moons, moonsTest);
Console.WriteLine("Plots");
Console.WriteLine();
Console.WriteLine($"  {lossPath}");
Console.WriteLine($"  {boundaryPath}");
Console.WriteLine();

bool success = xorCorrect == xor.Count && moonsAccuracy >= RequiredAccuracy && moonsTestAccuracy >= RequiredAccuracy;
Console.WriteLine(
    $"{(success ? "Success" : "FAILURE")}: XOR {xorCorrect} of {xor.Count}, moons {Percent(moonsAccuracy)} training and {Percent(moonsTestAccuracy)} test " +
    $"(at least {Percent(RequiredAccuracy)} needed), in {clock.Elapsed.TotalSeconds:F1} s");
return success ? 0 : 1;

static string Percent(double fraction) => $"{100.0 * fraction:0.#}%";

// Prints the largest difference between Cost_Grad and the hand-derived gradient (and, if asked,
// every partial beside each other).
static void Check(Architecture net, double[] theta1, double[] theta2, Dataset data, string description, bool printTable)
{
    double[] generated1 = new double[theta1.Length], generated2 = new double[theta2.Length];
    double[] byHand1 = new double[theta1.Length], byHand2 = new double[theta2.Length];
    double generatedLoss = Network.Cost_Grad(
        theta1, theta2, data.X, data.Y, net.Inputs, net.Hidden, net.Outputs, Lambda, generated1, generated2);
    double byHandLoss = Backprop.CostAndGradient(net, theta1, theta2, data, Lambda, byHand1, byHand2);

    if (printTable)
    {
        Console.WriteLine($"  {"weight",-10} {"Θ",-8} {"Cost_Grad (Fluxion)",22} {"backprop (by hand)",22} {"difference",12}");
    }
    double largest = 0.0;
    foreach (var (layer, generated, byHand, columns) in new[] { (1, generated1, byHand1, net.Inputs + 1), (2, generated2, byHand2, net.Hidden + 1) })
    {
        for (int i = 0; i < generated.Length; i++)
        {
            double difference = generated[i] - byHand[i];
            largest = Math.Max(largest, Math.Abs(difference));
            if (printTable)
            {
                string weight = $"theta{layer}[{i}]";
                string entry = $"Θ{layer}[{i / columns + 1},{i % columns}]";
                Console.WriteLine($"  {weight,-10} {entry,-8} {generated[i],22:F17} {byHand[i],22:F17} {difference,12:0.00E+00}");
            }
        }
    }

    int partials = theta1.Length + theta2.Length;
    if (printTable)
    {
        Console.WriteLine();
        Console.WriteLine($"  loss: Cost_Grad {generatedLoss:F17}, backprop {byHandLoss:F17}");
        Console.WriteLine($"  largest |difference| over the {partials} partials: {largest:0.00E+00}");
    }
    else
    {
        Console.WriteLine(
            $"  {net + ", " + description + ":",-34} loss difference {generatedLoss - byHandLoss:0.00E+00}, " +
            $"largest |difference| over the {partials} partials: {largest:0.00E+00}");
    }
}

// Trains, printing the loss every printEvery epochs, above a live progress bar when the console
// is a terminal (redirected output gets the loss lines only).
static History Train(
    string name, Architecture net, double[] theta1, double[] theta2, Dataset data, Dataset? test,
    double rate, int epochs, int printEvery)
{
    void Report(int epoch, double loss, double? testLoss)
    {
        if (epoch % printEvery != 0) return;
        string onTest = testLoss is null ? "" : $"   test loss {testLoss:F6}";
        AnsiConsole.WriteLine($"  epoch {epoch,5}   loss {loss:F6}{onTest}");
    }

    if (!AnsiConsole.Profile.Capabilities.Interactive)
    {
        return Trainer.Train(net, theta1, theta2, data, test, Lambda, rate, epochs, Report);
    }

    return AnsiConsole.Progress()
        .AutoClear(true)
        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
        .Start(context =>
        {
            ProgressTask task = context.AddTask(name, maxValue: epochs);
            return Trainer.Train(net, theta1, theta2, data, test, Lambda, rate, epochs, (epoch, loss, testLoss) =>
            {
                task.Value = epoch;
                task.Description = $"{name}  loss {loss:F4}";
                Report(epoch, loss, testLoss);
            });
        });
}
