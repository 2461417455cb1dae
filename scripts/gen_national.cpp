// STUB: replaced by the national registry generator.
int main() { return 0; }
