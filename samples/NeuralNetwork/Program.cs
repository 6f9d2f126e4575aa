using System;
using System.Globalization;
using Fluxion.Samples.NeuralNetwork;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

// Training settings: fixed seed, full-batch gradient descent.
const int Seed = 1;
const double InitRange = 1.0;     // initial weights uniform in [−InitRange, InitRange]
const double Lambda = 1e-3;       // L2 strength λ
const double LearningRate = 2.0;
const int Epochs = 3000;
const int PrintEvery = 250;

// The XOR truth table, the same four samples XorNetwork.Cost spells out.
double[,] x = { { 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 } };
double[] y = { 0, 1, 1, 0 };

// The nine weights, in the order of Cost's parameters: Θ1 row by row, then Θ2.
string[] names = { "theta1_10", "theta1_11", "theta1_12", "theta1_20", "theta1_21", "theta1_22", "theta2_10", "theta2_11", "theta2_12" };
var random = new Random(Seed);
double[] w = new double[9];
for (int i = 0; i < w.Length; i++) w[i] = (2.0 * random.NextDouble() - 1.0) * InitRange;

// (1) Generated gradient vs hand-derived backpropagation at the initial weights.
double[] generated = new double[9];
double fluxionCost = Gradient(w, generated);
double backpropCost = Backprop.CostAndGradient(Theta1(w), Theta2(w), x, y, Lambda, out double[,] g1, out double[,] g2);
double[] handDerived = { g1[0, 0], g1[0, 1], g1[0, 2], g1[1, 0], g1[1, 1], g1[1, 2], g2[0, 0], g2[0, 1], g2[0, 2] };

Console.WriteLine($"Gradient check at the initial weights (seed {Seed}, lambda {Lambda})");
Console.WriteLine();
Console.WriteLine($"  {"weight",-10} {"Θ",-8} {"Cost_Grad (Fluxion)",22} {"backprop (by hand)",22} {"difference",12}");
double largest = 0.0;
for (int i = 0; i < w.Length; i++)
{
    double difference = generated[i] - handDerived[i];
    largest = Math.Max(largest, Math.Abs(difference));
    Console.WriteLine($"  {names[i],-10} {MatrixEntry(i),-8} {generated[i],22:F17} {handDerived[i],22:F17} {difference,12:0.00E+00}");
}
Console.WriteLine();
Console.WriteLine($"  loss: Cost_Grad {fluxionCost:F17}, backprop {backpropCost:F17}");
Console.WriteLine($"  largest |difference| over the nine partials: {largest:0.00E+00}");
Console.WriteLine();

// (2) Gradient descent with the generated gradient.
Console.WriteLine($"Training (learning rate {LearningRate}, {Epochs} epochs)");
Console.WriteLine();
double[] gradient = new double[9];
for (int epoch = 0; epoch <= Epochs; epoch++)
{
    double cost = Gradient(w, gradient);
    if (epoch % PrintEvery == 0) Console.WriteLine($"  epoch {epoch,5}   loss {cost:F6}");
    if (epoch == Epochs) break;
    for (int i = 0; i < w.Length; i++) w[i] -= LearningRate * gradient[i];
}
Console.WriteLine();

// (3) Predictions of the trained network.
Console.WriteLine("Predictions");
Console.WriteLine();
Console.WriteLine($"  {"x1",2} {"x2",2}   {"a3",8}   {"class",5}   {"target",6}");
int correct = 0;
for (int i = 0; i < y.Length; i++)
{
    double a3 = Backprop.Forward(Theta1(w), Theta2(w), x[i, 0], x[i, 1]).A3[0];
    int predicted = a3 >= 0.5 ? 1 : 0;
    if (predicted == (int)y[i]) correct++;
    Console.WriteLine($"  {x[i, 0],2} {x[i, 1],2}   {a3,8:F6}   {predicted,5}   {y[i],6}");
}
Console.WriteLine();
Console.WriteLine($"  {correct} of {y.Length} correct");
return correct == y.Length ? 0 : 1;

// Loss and all nine partial derivatives from the Fluxion-generated Cost_Grad.
static double Gradient(double[] w, double[] d) => XorNetwork.Cost_Grad(
    w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8], Lambda,
    out d[0], out d[1], out d[2], out d[3], out d[4], out d[5], out d[6], out d[7], out d[8]);

static double[,] Theta1(double[] w) => new[,] { { w[0], w[1], w[2] }, { w[3], w[4], w[5] } };

static double[,] Theta2(double[] w) => new[,] { { w[6], w[7], w[8] } };

static string MatrixEntry(int i) => i < 6 ? $"Θ1[{i / 3 + 1},{i % 3}]" : $"Θ2[1,{i - 6}]";
