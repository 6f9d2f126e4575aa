using System;
using System.Globalization;
using Fluxion.Samples.LogisticRegression;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

// Data settings: a fixed seed, standard normal features, labels drawn from the true model.
const int Seed = 7;
const int Features = 5;
const int TrainSamples = 1000;
const int TestSamples = 500;
double[] trueWeights = { 3.0, -2.0, 1.5, -1.0, 0.0 };
const double TrueBias = -0.5;

// Training settings: full-batch gradient descent from small random weights.
const double Lambda = 1.0;         // L2 strength λ; the penalty is (λ/2m)·Σθ²
const double LearningRate = 1.0;
const int Iterations = 300;
const int PrintEvery = 25;
const double RequiredTestAccuracy = 0.85;

var random = new Random(Seed);
(double[] trainX, double[] trainY) = Generate(TrainSamples);
(double[] testX, double[] testY) = Generate(TestSamples);

double[] weights = new double[Features];
for (int j = 0; j < Features; j++) weights[j] = random.NextDouble() - 0.5;
double bias = random.NextDouble() - 0.5;

Console.WriteLine($"Data: {Features} features, {TrainSamples} training and {TestSamples} test samples (seed {Seed})");
Console.WriteLine($"  label 1 in {Count(trainY)} of {TrainSamples} training and {Count(testY)} of {TestSamples} test samples");
Console.WriteLine($"  accuracy of the true model: {LogisticModel.Accuracy(trueWeights, TrueBias, trainX, trainY):P1} train, {LogisticModel.Accuracy(trueWeights, TrueBias, testX, testY):P1} test");
Console.WriteLine();

// (1) The generated gradient against central finite differences and the closed form, at the initial point.
double[] dweights = new double[Features];
double loss = LogisticModel.Loss_Grad(weights, bias, trainX, trainY, Lambda, dweights, out double dbias);
double[] closedWeights = new double[Features];
LogisticModel.ClosedFormGradient(weights, bias, trainX, trainY, Lambda, closedWeights, out double closedBias);

Console.WriteLine($"Gradient check at the initial point (lambda {Lambda}, loss {loss:F6})");
Console.WriteLine();
Console.WriteLine($"  {"parameter",-10} {"Loss_Grad (Fluxion)",22} {"central difference",22} {"rel. difference",15} {"closed form",22}");
const double Step = 1e-5;
double largest = 0.0;
for (int i = 0; i <= Features; i++)
{
    double generated = i < Features ? dweights[i] : dbias;
    double closed = i < Features ? closedWeights[i] : closedBias;
    double numeric = CentralDifference(i);
    double relative = Math.Abs(generated - numeric) / Math.Max(Math.Max(Math.Abs(generated), Math.Abs(numeric)), 1e-12);
    largest = Math.Max(largest, relative);
    string name = i < Features ? $"w[{i}]" : "bias";
    Console.WriteLine($"  {name,-10} {generated,22:F15} {numeric,22:F15} {relative,15:0.00E+00} {closed,22:F15}");
}
Console.WriteLine();
Console.WriteLine($"  largest relative difference from central differences: {largest:0.00E+00}");
Console.WriteLine();

// (2) Gradient descent with the generated gradient.
Console.WriteLine($"Training (learning rate {LearningRate}, {Iterations} iterations)");
Console.WriteLine();
for (int iteration = 0; iteration <= Iterations; iteration++)
{
    loss = LogisticModel.Loss_Grad(weights, bias, trainX, trainY, Lambda, dweights, out dbias);
    if (iteration % PrintEvery == 0) Console.WriteLine($"  iteration {iteration,4}   loss {loss:F6}");
    if (iteration == Iterations) break;
    for (int j = 0; j < Features; j++) weights[j] -= LearningRate * dweights[j];
    bias -= LearningRate * dbias;
}
Console.WriteLine();

// (3) The learned model.
Console.WriteLine("Learned parameters");
Console.WriteLine();
Console.WriteLine($"  {"parameter",-10} {"true",8} {"learned",9}");
for (int j = 0; j < Features; j++) Console.WriteLine($"  {$"w[{j}]",-10} {trueWeights[j],8:F3} {weights[j],9:F3}");
Console.WriteLine($"  {"bias",-10} {TrueBias,8:F3} {bias,9:F3}");
Console.WriteLine();

double trainAccuracy = LogisticModel.Accuracy(weights, bias, trainX, trainY);
double testAccuracy = LogisticModel.Accuracy(weights, bias, testX, testY);
Console.WriteLine($"Accuracy: train {trainAccuracy:P1}, test {testAccuracy:P1} (required on test: {RequiredTestAccuracy:P0})");
return testAccuracy >= RequiredTestAccuracy ? 0 : 1;

// Samples with standard normal features and Bernoulli labels of probability s(b + θ·x).
(double[] X, double[] Y) Generate(int m)
{
    double[] x = new double[m * Features];
    double[] y = new double[m];
    for (int s = 0; s < m; s++)
    {
        for (int j = 0; j < Features; j++) x[s * Features + j] = Gaussian();
        y[s] = random.NextDouble() < LogisticModel.Probability(trueWeights, TrueBias, x, s) ? 1.0 : 0.0;
    }
    return (x, y);
}

// A standard normal draw (Box–Muller).
double Gaussian() => Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());

// (J(p + h) − J(p − h)) / 2h for parameter i (i = Features is the bias).
double CentralDifference(int i)
{
    double[] w = (double[])weights.Clone();
    double b = bias;
    if (i < Features) w[i] += Step; else b += Step;
    double plus = LogisticModel.Loss(w, b, trainX, trainY, Lambda);
    if (i < Features) w[i] -= 2.0 * Step; else b -= 2.0 * Step;
    double minus = LogisticModel.Loss(w, b, trainX, trainY, Lambda);
    return (plus - minus) / (2.0 * Step);
}

static int Count(double[] labels)
{
    int count = 0;
    foreach (double label in labels) if (label == 1.0) count++;
    return count;
}
