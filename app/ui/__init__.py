"""The Qt desktop interface. Screens call services only; see tests/test_layers.py."""
