// placeholder: filled in by the method work
