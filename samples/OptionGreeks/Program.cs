using System;
using System.Globalization;
using System.Linq;
using Fluxion;
using Fluxion.Samples.OptionGreeks;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

// One call: spot, strike, rate, volatility, maturity in years.
const double Spot = 100.0, Strike = 105.0, Rate = 0.03, Volatility = 0.2, Maturity = 0.75;
// The book: calls on the same stock at the same market; a negative quantity is a written (sold) call.
double[] strikes = { 90.0, 100.0, 110.0, 125.0 };
double[] maturities = { 0.25, 0.5, 1.0, 2.0 };
double[] quantities = { 10.0, -5.0, 20.0, 8.0 };
// The generated derivatives and the closed forms are two computations of the same numbers.
const double RequiredAgreement = 1e-9;

double largest = 0.0;
int compared = 0;
void Compare(string greek, string source, double fluxion, double closedForm)
{
    double relative = Math.Abs(fluxion - closedForm) / Math.Abs(closedForm);
    largest = Math.Max(largest, relative);
    compared++;
    Console.WriteLine($"  {greek,-22} {source,-20} {fluxion,24:R} {closedForm,24:R} {relative,10:0.0E+00}");
}
void Header() =>
    Console.WriteLine($"  {"Greek",-22} {"from",-20} {"Fluxion",24} {"closed form",24} {"rel. diff",10}");

// (1) First derivatives of one call from Call_Grad, which calls the [Differentiable] Normal.Cdf.
double price = BlackScholes.Call_Grad(
    Spot, Strike, Rate, Volatility, Maturity, out double delta, out double dStrike, out double rho, out double vega, out double dMaturity);
ClosedForms exact = ClosedForms.Of(Spot, Strike, Rate, Volatility, Maturity);
Console.WriteLine($"A European call: S = {Spot}, K = {Strike}, r = {Rate}, sigma = {Volatility}, T = {Maturity}; price {price:R}");
Console.WriteLine();
Header();
Compare("delta = dC/dS", "Call_Grad", delta, exact.Delta);
Compare("dC/dK", "Call_Grad", dStrike, exact.StrikeSensitivity);
Compare("rho = dC/dr", "Call_Grad", rho, exact.Rho);
Compare("vega = dC/dsigma", "Call_Grad", vega, exact.Vega);
Compare("theta = -dC/dT", "Call_Grad", -dMaturity, exact.Theta);

// (2) Second derivatives from Call_Hessian, over (S, K, r, sigma, T), through Normal.Cdf.
const int S = 0, K = 1, Sigma = 3, Inputs = 5;
double[] gradient = new double[Inputs], hessian = new double[Inputs * Inputs];
double hessianPrice = BlackScholes.Call_Hessian(Spot, Strike, Rate, Volatility, Maturity, gradient, hessian);
Compare("gamma = d2C/dS2", "Call_Hessian", hessian[S * Inputs + S], exact.Gamma);
Compare("vanna = d2C/dS dsigma", "Call_Hessian", hessian[S * Inputs + Sigma], exact.Vanna);
Compare("volga = d2C/dsigma2", "Call_Hessian", hessian[Sigma * Inputs + Sigma], exact.Volga);
Compare("d2C/dK2", "Call_Hessian", hessian[K * Inputs + K], exact.StrikeGamma);
Console.WriteLine();
double asymmetry = 0.0;
for (int i = 0; i < Inputs; i++)
{
    for (int j = 0; j < i; j++) asymmetry = Math.Max(asymmetry, Math.Abs(hessian[i * Inputs + j] - hessian[j * Inputs + i]));
}
Console.WriteLine($"  Call_Hessian's price {hessianPrice:R} (Call's {price:R}); its Hessian is symmetric to {asymmetry:0.0E+00}");
Console.WriteLine();

// (3) GradientCheck: Call_Grad against differences of Call, Call_Hessian's matrix against differences of Call_Grad.
double[] point = { Spot, Strike, Rate, Volatility, Maturity };
GradientCheckResult gradientCheck = GradientCheck.Check(
    x => BlackScholes.Call(x[0], x[1], x[2], x[3], x[4]), point, new[] { delta, dStrike, rho, vega, dMaturity });
GradientCheckResult hessianCheck = GradientCheck.CheckHessian(
    (x, g) => BlackScholes.Call_Grad(x[0], x[1], x[2], x[3], x[4], out g[0], out g[1], out g[2], out g[3], out g[4]), point, hessian);
Console.WriteLine("Checks against central differences:");
Console.WriteLine($"  {gradientCheck}");
Console.WriteLine($"  {hessianCheck}");
Console.WriteLine();

// (4) The book's Greeks from Value_Grad, beside the sums of each option's closed forms.
int count = strikes.Length;
double[] dStrikes = new double[count], dMaturities = new double[count];
double bookValue = Portfolio.Value_Grad(
    Spot, Rate, Volatility, strikes, maturities, quantities, out double bookDelta, out double bookRho, out double bookVega, dStrikes, dMaturities);
ClosedForms[] each = Enumerable.Range(0, count).Select(i => ClosedForms.Of(Spot, strikes[i], Rate, Volatility, maturities[i])).ToArray();
Console.WriteLine($"A book of {count} calls (strikes {string.Join(", ", strikes)}; maturities {string.Join(", ", maturities)};");
Console.WriteLine($"quantities {string.Join(", ", quantities)}): value {bookValue:R}");
Console.WriteLine();
Header();
Compare("book delta", "Value_Grad", bookDelta, Enumerable.Range(0, count).Sum(i => quantities[i] * each[i].Delta));
Compare("book rho", "Value_Grad", bookRho, Enumerable.Range(0, count).Sum(i => quantities[i] * each[i].Rho));
Compare("book vega", "Value_Grad", bookVega, Enumerable.Range(0, count).Sum(i => quantities[i] * each[i].Vega));
for (int i = 0; i < count; i++)
{
    Compare($"dV/dK[{i}]", "Value_Grad", dStrikes[i], quantities[i] * each[i].StrikeSensitivity);
    Compare($"dV/dT[{i}]", "Value_Grad", dMaturities[i], quantities[i] * each[i].MaturitySensitivity);
}
Console.WriteLine();

// Value as a function of all 11 inputs at once: spot, rate, volatility, then the strikes and the maturities.
double BookValue(double[] x) => Portfolio.Value(x[0], x[1], x[2], x[3..(3 + count)], x[(3 + count)..], quantities);
double[] bookPoint = new[] { Spot, Rate, Volatility }.Concat(strikes).Concat(maturities).ToArray();
double[] bookGradient = new[] { bookDelta, bookRho, bookVega }.Concat(dStrikes).Concat(dMaturities).ToArray();
GradientCheckResult bookCheck = GradientCheck.Check(BookValue, bookPoint, bookGradient);
Console.WriteLine("Check against central differences:");
Console.WriteLine($"  {bookCheck}");
Console.WriteLine();

bool success = largest <= RequiredAgreement && gradientCheck.Passed && hessianCheck.Passed && bookCheck.Passed;
Console.WriteLine($"Largest relative difference from the closed forms over {compared} Greeks: {largest:0.0E+00}");
Console.WriteLine(
    $"{(success ? "Success" : "FAILURE")}: the generated Greeks {(largest <= RequiredAgreement ? "equal" : "do NOT equal")} the closed forms " +
    $"to {RequiredAgreement:0E+00} relative, gradient checks {(gradientCheck.Passed && hessianCheck.Passed && bookCheck.Passed ? "passed" : "FAILED")}");
return success ? 0 : 1;
