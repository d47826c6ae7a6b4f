package dev.modelcard;

/** Small complete cards that tests take apart. Line numbers in comments are 0-based. */
public final class Cards {
    private Cards() {}

    /** A complete CZI card: every required and recommended section, each with one line of content. */
    public static final String CZI = """
            # Tiny Model
            ## Model Details
            ### Model Architecture
            A two-layer transformer.
            ### Parameters
            15 million.
            ### Citation
            Doe et al. 2025.
            ## Intended Use
            ### Primary Use Cases
            Cell type classification.
            ### Out-of-Scope or Unauthorized Use Cases
            Clinical diagnosis.
            ## Training Data
            A public atlas of 1M cells.
            ### Training Procedure
            Adam, 10 epochs.
            ### Training Code
            See the repository.
            ## Performance Metrics
            ### Metrics
            Macro F1.
            ### Evaluation Datasets
            A held-out donor.
            ### Evaluation Results
            F1 0.91.
            ## Biases, Risks, and Limitations
            ### Potential Biases
            Donor ancestry is skewed.
            ### Risks
            Misclassification of rare types.
            ### Limitations
            Human cells only.
            """;

    /** A complete BioImage Model Zoo card, every required and recommended section with one line of content. */
    public static final String BIOIMAGE = """
            # Nuclei U-Net
            Segments nuclei in 2D fluorescence images.
            # Table of Contents
            - [Model Details](#model-details)
            # Model Details
            ## Model Description
            - **Developed by:** Jane Doe, Example Institute
            ## Model Sources
            - **Repository:** https://example.org/repo
            # Uses
            ## Direct Use
            Segment nuclei.
            ## Downstream Use
            Cell tracking pipelines.
            ## Out-of-Scope Use
            Electron microscopy.
            # Task Details
            - **Task type:** segmentation
            # Bias, Risks, and Limitations
            Trained on one lab's data.
            ## Known Biases
            HeLa cells dominate.
            ## Risks
            Over-reliance on automated counts.
            ## Limitations
            2D only.
            ## Recommendations
            Validate on your data.
            # Training Details
            ## Training Data
            - **Source:** DSB 2018
            ## Training Procedure
            ### Preprocessing
            Percentile normalization.
            ### Training Hyperparameters
            - **Epochs:** 100
            ### Speeds, Sizes, Times
            - **Training time:** 2 hours
            # Evaluation
            ## Testing Data, Factors & Metrics
            ### Testing Data
            - **Source:** DSB 2018 stage 1 test
            ### Factors
            Imaging modality.
            ### Metrics
            IoU and Dice.
            ## Results
            ### Quantitative Results
            IoU 0.81.
            ### Summary
            Good on fluorescence.
            ## Societal Impact Assessment
            Low risk.
            # Environmental Impact
            - **Hardware Type:** 1 GPU
            # Technical Specifications
            ## Model Architecture and Objective
            - **Architecture:** U-Net
            ## Compute Infrastructure
            ### Hardware Requirements
            - **Inference:** CPU
            ### Software Dependencies
            - **Framework:** PyTorch 2.3
            # How to Get Started with the Model
            Install bioimageio.core and run the model.
            ## Glossary
            - **IoU:** intersection over union
            """;
}
