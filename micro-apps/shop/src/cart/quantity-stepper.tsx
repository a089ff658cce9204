export interface QuantityStepperProps {
  value: number;
  onChange: (quantity: number) => void;
  /** The group's accessible name, e.g. 'Quantity of Green tea'. */
  label: string;
  decreaseLabel: string;
  increaseLabel: string;
  /** − is disabled at this quantity; 0 lets − take a cart line out. */
  min: number;
  max: number;
  /** `data-testid` of the number shown. */
  testId?: string;
}

/** − count +, each a 44px touch target; the count is announced when it changes. */
export function QuantityStepper({
  value,
  onChange,
  label,
  decreaseLabel,
  increaseLabel,
  min,
  max,
  testId,
}: QuantityStepperProps): React.JSX.Element {
  return (
    <div className="shop-stepper" role="group" aria-label={label}>
      <button
        type="button"
        aria-label={decreaseLabel}
        disabled={value <= min}
        onClick={() => onChange(Math.max(min, value - 1))}
      >
        −
      </button>
      <output aria-live="polite" data-testid={testId}>
        {value}
      </output>
      <button
        type="button"
        aria-label={increaseLabel}
        disabled={value >= max}
        onClick={() => onChange(Math.min(max, value + 1))}
      >
        +
      </button>
    </div>
  );
}
