using System;

namespace Fluxion.Samples.NeuralNetwork
{
    /// <summary>The loss J on the training samples, and on the test samples if any, at the start and after each epoch.</summary>
    public sealed record History(double[] Loss, double[]? TestLoss);

    /// <summary>Full-batch gradient descent with the generated gradient <c>Network.Cost_Grad</c>.</summary>
    public static class Trainer
    {
        /// <summary>
        /// Runs <paramref name="epochs"/> steps of gradient descent, θ ← θ − α·∂J/∂θ, on the whole
        /// of <paramref name="data"/>, updating Θ1 and Θ2 in place.
        /// </summary>
        /// <param name="rate">The learning rate α.</param>
        /// <param name="test">Samples on which the loss is also recorded (not trained on), or null.</param>
        /// <param name="afterEpoch">
        /// Called with the number of epochs done so far (0 … epochs) and the training and test
        /// losses at the weights they reached (the test loss null without test samples).
        /// </param>
        /// <returns>The losses at the initial weights and after each epoch (epochs + 1 values each).</returns>
        public static History Train(
            Architecture net, double[] theta1, double[] theta2, Dataset data, Dataset? test,
            double lambda, double rate, int epochs, Action<int, double, double?>? afterEpoch = null)
        {
            double[] grad1 = new double[theta1.Length];
            double[] grad2 = new double[theta2.Length];
            double[] loss = new double[epochs + 1];
            double[]? testLoss = test is null ? null : new double[epochs + 1];
            for (int epoch = 0; epoch <= epochs; epoch++)
            {
                // The loss at the current weights and its gradient, in one call.
                loss[epoch] = Network.Cost_Grad(
                    theta1, theta2, data.X, data.Y, net.Inputs, net.Hidden, net.Outputs, lambda, grad1, grad2);
                if (test is not null)
                {
                    testLoss![epoch] = Network.Cost(theta1, theta2, test.X, test.Y, net.Inputs, net.Hidden, net.Outputs, lambda);
                }
                afterEpoch?.Invoke(epoch, loss[epoch], testLoss?[epoch]);
                if (epoch == epochs) break;

                for (int i = 0; i < theta1.Length; i++) theta1[i] -= rate * grad1[i];
                for (int i = 0; i < theta2.Length; i++) theta2[i] -= rate * grad2[i];
            }
            return new History(loss, testLoss);
        }

        /// <summary>Number of samples a single-output network classifies correctly (a3 ≥ 0.5 means class 1).</summary>
        public static int Correct(Architecture net, double[] theta1, double[] theta2, Dataset data)
        {
            int correct = 0;
            for (int i = 0; i < data.Count; i++)
            {
                int predicted = Backprop.Predict(net, theta1, theta2, data.Input(i)) >= 0.5 ? 1 : 0;
                if (predicted == (int)data.Y[i]) correct++;
            }
            return correct;
        }
    }
}
