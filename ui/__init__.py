"""Command line, Gradio app and HTTP API: thin layers over ``qa`` and ``index``."""
